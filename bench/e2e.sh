#!/usr/bin/env bash
# End-to-end benchmark (issue: foundation): starts the local system detached (unless
# ICEOS_BENCH_REUSE=1 and it is already up), measures Kafka's own produce→consume latency and a
# 10-node echo chain through the REST API in the same run, prints a Markdown section, stops the
# system it started. Usage: bench/e2e.sh [--runs N]
exec "$(dirname "$0")/against-local-system.sh" EndToEndBench e2e "$@"
