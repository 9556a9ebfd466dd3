#!/usr/bin/env bash
# Scheduler benchmark (issue: scheduler): starts the local system detached (unless
# ICEOS_BENCH_REUSE=1 and it is already up) and measures, next to Kafka's own produce→consume hop of
# the same run: per-node overhead on a 40-node chain of no-op nodes, a 5-node diamond, a 100-item
# parallel loop, 1,000 one-node executions started at once and node executions per second sustained
# at an offered rate. Prints a Markdown section; stops the system it started.
# Usage: bench/scheduler.sh [--runs 20] [--burst 1000] [--rate 1000] [--seconds 30]
exec "$(dirname "$0")/against-local-system.sh" SchedulerBench scheduler "$@"
