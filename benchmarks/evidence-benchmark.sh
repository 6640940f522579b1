#!/usr/bin/env bash
# Evidence packet build time on a server of its own: crawls the demo marketplace (all seven
# platform styles of ./markguard demo are not needed: shopee, lazada and tiktok give > 100
# listings), then times packets of 1 listing (three times) and of 100 listings, with screenshots,
# sampling Karaf's heap with jstat every 200 ms during the 100-listing packet.
# usage: benchmarks/evidence-benchmark.sh [listings-in-the-demo (default 400)]
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
N="${1:-400}"
export MARKGUARD_HOME="$(mktemp -d /tmp/markguard-bench.XXXXXX)"
export MARKGUARD_ADMIN_PASSWORD="bench-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export MARKGUARD_HTTP_PORT=18184 MARKGUARD_SSH_PORT=18104 MARKGUARD_ES_PORT=19203
API="http://127.0.0.1:$MARKGUARD_HTTP_PORT/api/v1"
AUTH="admin:$MARKGUARD_ADMIN_PASSWORD"
DEMO_PORT=18394
trap '"$REPO/markguard" stop >/dev/null 2>&1 || true; kill $DEMO 2>/dev/null || true; rm -rf "$MARKGUARD_HOME"' EXIT
"$REPO/markguard" start
java -jar "$REPO/demo/target/markguard-demo.jar" --port $DEMO_PORT --listings "$N" --seed 42 >/dev/null 2>&1 &
DEMO=$!
sleep 2
for p in shopee lazada tiktok; do
  curl -sf -u "$AUTH" -H 'Content-Type: application/json' "$API/sources" \
    -d "{\"name\":\"b-$p\",\"platform\":\"$p\",\"seeds\":[\"http://127.0.0.1:$DEMO_PORT/$p/\"],\"includePatterns\":[\"/$p/\"],\"politenessDelayMs\":0,\"maxPages\":5000}" >/dev/null
  id=$(curl -sf -u "$AUTH" -X POST "$API/sources/b-$p/crawls" | jq -r .id)
  while [ "$(curl -sf -u "$AUTH" "$API/crawls/$id" | jq -r .state)" = RUNNING ]; do sleep 1; done
done
sleep 2
echo "load before: $(uptime)"
ids() { curl -sf -u "$AUTH" "$API/listings?size=$1" | jq -c '[.items[].id]'; }
packet() { # $1 = JSON array of ids; prints seconds until READY, and the packet's size
  local t0 id s
  t0=$(date +%s.%N)
  id=$(curl -sf -u "$AUTH" -H 'Content-Type: application/json' "$API/evidence" -d "{\"listingIds\":$1}" | jq -r .id)
  while s=$(curl -sf -u "$AUTH" "$API/evidence/$id" | jq -r .state); [ "$s" = RUNNING ]; do sleep 0.1; done
  [ "$s" = READY ] || { echo "packet $id $s: $(curl -sf -u "$AUTH" "$API/evidence/$id" | jq -r .message)" >&2; exit 1; }
  echo "$(echo "$(date +%s.%N) - $t0" | bc) s, $(curl -sf -u "$AUTH" "$API/evidence/$id" | jq -r .bytes) bytes"
}
ONE=$(curl -sf -u "$AUTH" "$API/listings?size=3" | jq -c '.items | map([.id])')
for i in 0 1 2; do echo "1 listing: $(packet "$(echo "$ONE" | jq -c ".[$i]")")"; done
HUNDRED=$(ids 100)
echo "listings available: $(echo "$HUNDRED" | jq length)"
KARAF_PID=$(cat "$MARKGUARD_HOME/run/karaf.pid")
( while kill -0 "$KARAF_PID" 2>/dev/null; do jstat -gc "$KARAF_PID" | tail -1; sleep 0.2; done ) > "$MARKGUARD_HOME/jstat.log" 2>/dev/null &
JSTAT=$!
echo "100 listings: $(packet "$HUNDRED")"
kill $JSTAT 2>/dev/null || true
# heap used = S0U + S1U + EU + OU (KB), the peak over the samples
awk '{u=$3+$4+$6+$8; if (u>m) m=u} END {printf "Karaf peak heap used during the 100-listing packet: %.0f MB\n", m/1024}' "$MARKGUARD_HOME/jstat.log"
echo "load after: $(uptime)"
