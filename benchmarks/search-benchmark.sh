#!/usr/bin/env bash
# Workbench search latency through REST and straight to Elasticsearch, on N demo listings
# (default 1,000,000), on a server of its own.
# usage: benchmarks/search-benchmark.sh [N] [rounds per query, default 200]
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
export MARKGUARD_HOME="$(mktemp -d /tmp/markguard-search-bench.XXXXXX)"
export MARKGUARD_ADMIN_PASSWORD="bench-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export MARKGUARD_HTTP_PORT=18183 MARKGUARD_SSH_PORT=18103 MARKGUARD_ES_PORT=19202 MARKGUARD_ES_HEAP="${MARKGUARD_ES_HEAP:-1g}"
export MARKGUARD_API="http://127.0.0.1:$MARKGUARD_HTTP_PORT/api/v1"
# never let the launcher start a build of its own: build demo and benchmarks first (see BENCHMARKS.md)
export MARKGUARD_SKIP_BUILD=1
trap '"$REPO/markguard" stop >/dev/null 2>&1 || true; rm -rf "$MARKGUARD_HOME"' EXIT
echo "uptime before: $(uptime)"
"$REPO/markguard" start
MARKGUARD_ES_URL="http://127.0.0.1:$MARKGUARD_ES_PORT" \
  java -Xmx2g -cp "$REPO/benchmarks/target/markguard-benchmarks.jar" org.markguard.benchmarks.search.SearchBenchmark "$@"
echo "uptime after: $(uptime)"
