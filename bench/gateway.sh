#!/usr/bin/env bash
# llm-gateway benchmark (issue 7): added latency p50/p99 of the gateway over calling a loopback
# OpenAI-compatible fake directly, at 1,000 requests/s open loop, and the highest rate each target
# sustains, side by side with the Portkey AI gateway in front of the same fake. Starts its own
# PostgreSQL, Kafka and gateway on ephemeral ports (nothing else of iceOS), installs Portkey from npm
# into ~/.cache/iceos-bench/portkey (PORTKEY_DIR), and skips Portkey when node/npm are missing.
# Prints a Markdown section (also kept in bench/results/). SKIP_BUILD=1 reuses the packaged jars.
# Usage: bench/gateway.sh [--rate 1000] [--seconds 10] [--rounds 3] [--warmup-seconds 20]
#                         [--step-seconds 10] [--p99-limit-ms 50] [--max-rate 20000]
# GatewayBench options (--targets, --baseline-root, --skip-search, ...) are listed in the javadoc of
# bench/src/main/java/ai/iceos/bench/gateway/GatewayBench.java. GATEWAY_JAVA_OPTIONS and
# BASELINE_GATEWAY_JAVA_OPTIONS are passed to the two gateway JVMs (e.g. -XX:+UseParallelGC,
# decision 0145).
set -euo pipefail
for arg in "$@"; do
  if [[ "$arg" == "-h" || "$arg" == "--help" ]]; then
    sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'
    exit 0
  fi
done
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source infra/lib/java-env.sh
portkey_version="${PORTKEY_VERSION:-1.15.2}"
portkey_dir="${PORTKEY_DIR:-$HOME/.cache/iceos-bench/portkey}"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -B -q package -pl llm-gateway,bench -am -Dquick
fi

portkey_args=()
if command -v node >/dev/null && command -v npm >/dev/null; then
  installed="$(node -p "require('$portkey_dir/node_modules/@portkey-ai/gateway/package.json').version" 2>/dev/null || true)"
  if [[ "$installed" != "$portkey_version" ]]; then
    mkdir -p "$portkey_dir"
    [[ -f "$portkey_dir/package.json" ]] || echo '{"name":"iceos-bench-portkey","private":true}' >"$portkey_dir/package.json"
    echo "installing @portkey-ai/gateway@$portkey_version into $portkey_dir" >&2
    npm install --prefix "$portkey_dir" --no-audit --no-fund --loglevel=error \
      "@portkey-ai/gateway@$portkey_version" >&2
  fi
  portkey_args=(--portkey-dir "$portkey_dir" --portkey-loopback "$root/bench/portkey-loopback.mjs")
else
  echo "node or npm not found: Portkey is skipped (the gateway is still measured)" >&2
fi

mkdir -p bench/results
"$JAVA_HOME/bin/java" -cp "bench/target/classes:$(cat bench/target/bench.classpath)" \
  ai.iceos.bench.gateway.GatewayBench "${portkey_args[@]}" "$@" \
  | tee "bench/results/gateway-$(date -u +%Y%m%dT%H%M%SZ).md"
