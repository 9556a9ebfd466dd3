#!/usr/bin/env bash
# Chaos run (issue: scheduler): starts its own local system on ephemeral ports, runs many
# executions of a 10-node chain while the scheduler and a node-worker are each killed with SIGKILL
# and restarted several times, then audits the run-event topic: every execution completed, every
# node recorded once, no event missing or doubled. Prints a Markdown section; exits 1 on any
# violation. Usage: bench/chaos.sh [--executions 200] [--kills 3] [--nodes 10]
# SKIP_BUILD=1 reuses the packaged services.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source infra/lib/java-env.sh
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -B -q install -Dquick
fi
mkdir -p bench/results
"$JAVA_HOME/bin/java" -cp "bench/target/classes:$(cat bench/target/bench.classpath)" \
  ai.iceos.bench.ChaosBench "$@" | tee "bench/results/chaos-$(date -u +%Y%m%dT%H%M%SZ).md"
