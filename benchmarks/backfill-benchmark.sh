#!/usr/bin/env bash
# Backfill of N indexed listings (default 1,000,000) on the embedded node, on a server of its own.
# usage: benchmarks/backfill-benchmark.sh [N]
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
export MARKGUARD_HOME="$(mktemp -d /tmp/markguard-bench.XXXXXX)"
export MARKGUARD_ADMIN_PASSWORD="bench-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export MARKGUARD_HTTP_PORT=18182 MARKGUARD_SSH_PORT=18102 MARKGUARD_ES_PORT=19201 MARKGUARD_ES_HEAP="${MARKGUARD_ES_HEAP:-1g}"
export MARKGUARD_API="http://127.0.0.1:$MARKGUARD_HTTP_PORT/api/v1"
trap '"$REPO/markguard" stop >/dev/null 2>&1 || true; rm -rf "$MARKGUARD_HOME"' EXIT
"$REPO/markguard" start
echo "load before: $(uptime)"
MARKGUARD_ES_URL="http://127.0.0.1:$MARKGUARD_ES_PORT" \
  java -cp "$REPO/benchmarks/target/markguard-benchmarks.jar" org.markguard.benchmarks.backfill.BackfillBenchmark "$@"
echo "load after: $(uptime)"
# the server's own account of where the time went
grep -h 'backfill .* finished' "$MARKGUARD_HOME/karaf/data/log/"karaf.log* 2>/dev/null | tail -1 || true
echo "detector runs over budget or not started: $(cat "$MARKGUARD_HOME/karaf/data/log/"karaf.log* 2>/dev/null \
  | grep -c 'overran its budget\|could not start' || true)"
