#!/usr/bin/env bash
# End-to-end crawl throughput beside crawler4j's raw fetch rate, on a server of its own.
# usage: [IMAGES_PER_LISTING=n] benchmarks/crawl-benchmark.sh [listings=5000] [platform=lazada] [warm-up platform]
# IMAGES_PER_LISTING sets images.perListing (etc/org.markguard.crawl.cfg) before Karaf starts: 0 measures
# the page pipeline without product photos; unset keeps the default (2 photos fetched and read per listing).
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
export MARKGUARD_HOME="$(mktemp -d /tmp/markguard-bench.XXXXXX)"
export MARKGUARD_ADMIN_PASSWORD="bench-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export MARKGUARD_HTTP_PORT=18181 MARKGUARD_SSH_PORT=18101 MARKGUARD_ES_PORT=19200
export MARKGUARD_API="http://127.0.0.1:$MARKGUARD_HTTP_PORT/api/v1"
export MARKGUARD_DEMO_JAR="$REPO/demo/target/markguard-demo.jar"
trap '"$REPO/markguard" stop >/dev/null 2>&1 || true; rm -rf "$MARKGUARD_HOME"' EXIT
if [ -n "${IMAGES_PER_LISTING:-}" ]; then
  # written before the first start: the launcher copies the assembly's etc/ without overwriting it,
  # so the crawl settings are in place when the crawl bundle activates (no wait for a reload); the
  # shipped file is copied with that one key changed, so the other crawl settings stay as shipped
  mkdir -p "$MARKGUARD_HOME/karaf/etc"
  sed "s/^images\.perListing *=.*/images.perListing = $((IMAGES_PER_LISTING))/" \
    "$REPO/distribution/target/assembly/etc/org.markguard.crawl.cfg" >"$MARKGUARD_HOME/karaf/etc/org.markguard.crawl.cfg"
fi
"$REPO/markguard" start
echo "load before: $(uptime)"
java -cp "$REPO/benchmarks/target/markguard-benchmarks.jar" org.markguard.benchmarks.crawl.CrawlPipelineBenchmark "$@"
echo "load after: $(uptime)"
