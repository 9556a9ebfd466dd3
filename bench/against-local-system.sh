#!/usr/bin/env bash
# Shared by the benchmarks that measure a running local system:
#   bench/against-local-system.sh <main class> <result name> [args...]
# Starts the system detached (unless ICEOS_BENCH_REUSE=1 and it is already up), runs the bench main
# with the bench classpath, tees its Markdown into bench/results/<name>-<time>.md, and stops the
# system it started. The benches talk to the ports infra/local/run uses: BLUEPRINT_SERVICE_PORT
# (default 8080) and KAFKA_PORT (default 29092) set both; an explicit --api/--kafka still wins.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source infra/lib/java-env.sh
main="$1"
name="$2"
shift 2
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
  "ai.iceos.bench.$main" "$@" \
  --api "http://127.0.0.1:${BLUEPRINT_SERVICE_PORT:-8080}" --kafka "127.0.0.1:${KAFKA_PORT:-29092}" | tee "bench/results/$name-$(date -u +%Y%m%dT%H%M%SZ).md"
