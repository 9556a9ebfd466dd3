#!/usr/bin/env bash
# Load test of the blueprint API (issue: blueprint-service): starts the local system detached
# (unless ICEOS_BENCH_REUSE=1 and it is already up), runs 500 concurrent clients reading and writing
# blueprints for 60 s, prints throughput, p50/p99 per operation and every status; exits 1 on any
# 5xx. Usage: bench/load.sh [--clients 500] [--seconds 60] [--blueprints 50]
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
  ai.iceos.bench.LoadBench "$@" | tee "bench/results/load-$(date -u +%Y%m%dT%H%M%SZ).md"
