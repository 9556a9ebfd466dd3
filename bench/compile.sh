#!/usr/bin/env bash
# Compile speed (issue: compiler): runs compiler-service's CompileBenchmark (a plain main in its
# test sources: the compiler's pure core, no Quarkus, no I/O) on three 1,000-node shapes and prints
# p50/p95/max per shape. Usage: bench/compile.sh [warmup] [measured]; SKIP_BUILD=1 reuses the build.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source infra/lib/java-env.sh
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -B -q install -Dquick -pl compiler-service -am
  ./mvnw -B -q -pl compiler-service dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/test.classpath
fi
mkdir -p bench/results
cp="compiler-service/target/test-classes:compiler-service/target/classes"
"$JAVA_HOME/bin/java" -cp "$cp:$(cat compiler-service/target/test.classpath)" \
  ai.iceos.compiler.CompileBenchmark "$@" | tee "bench/results/compile-$(date -u +%Y%m%dT%H%M%SZ).md"
