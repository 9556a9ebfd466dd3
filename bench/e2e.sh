#!/usr/bin/env bash
# End-to-end benchmark (issue: foundation): starts the local system detached (unless
# ICEOS_BENCH_REUSE=1 and it is already up), measures Kafka's own produce→consume latency and a
# 10-node echo chain through the REST API in the same run, prints a Markdown section, stops the
# system it started. Usage: bench/e2e.sh [--runs N]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source infra/lib/java-env.sh
started=0
if [[ "${ICEOS_BENCH_REUSE:-0}" != 1 ]]; then
  infra/local/run --detach
  started=1
fi
trap '[[ $started == 1 ]] && infra/local/stop' EXIT
if [[ ! -f bench/target/bench.classpath ]]; then
  ./mvnw -B -q package -pl bench -Dquick
fi
mkdir -p bench/results
"$JAVA_HOME/bin/java" -cp "bench/target/classes:$(cat bench/target/bench.classpath)" \
  ai.iceos.bench.EndToEndBench "$@" | tee "bench/results/e2e-$(date -u +%Y%m%dT%H%M%SZ).md"
