#!/usr/bin/env bash
# node-worker alone (issue 8, the worker's share of the node rate): starts the local system with
# only node-worker (unless ICEOS_BENCH_REUSE=1 and it is already up), produces no-op `constant` tool
# tasks straight onto the task topic and reads the outcomes: a burst (tasks/s) and a paced run
# (latency). Afterwards it moves the stopped scheduler's group past the bench's outcomes (only if
# that group had read everything before), so a later full start does not replay ~80,000 outcomes
# of made-up executions. Usage: bench/worker.sh [--burst 20000] [--rate 1000] [--seconds 20]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [[ "${ICEOS_BENCH_REUSE:-0}" != 1 ]]; then
  "$root/infra/local/run" --detach --services node-worker
  trap '"$root/infra/local/stop"' EXIT
fi
ICEOS_BENCH_REUSE=1 "$root/bench/against-local-system.sh" WorkerBench worker "$@"
