#!/usr/bin/env bash
# Load test of the blueprint API (issue: blueprint-service): starts the local system detached
# (unless ICEOS_BENCH_REUSE=1 and it is already up), runs 500 concurrent clients reading and writing
# blueprints for 60 s, prints throughput, p50/p99 per operation and every status; exits 1 on any
# 5xx. Usage: bench/load.sh [--clients 500] [--seconds 60] [--blueprints 50]
exec "$(dirname "$0")/against-local-system.sh" LoadBench load "$@"
