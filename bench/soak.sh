#!/usr/bin/env bash
# Soak (issue 7): a million requests leave the heap where it started.
# Starts the jar on the demo journal with the page cache on and a deliberately small byte limit (so that pages
# are evicted all the time), drives ~TOTAL requests with wrk over a key space far larger than the limit
# (bench/soak.lua: articles, sections, tags, authors, feeds, sitemaps, 117,000 archive addresses, ?page=
# variants, tracking query strings, search, 404s; half the requests accept gzip and br), and reports the heap
# in use after a full GC (jcmd GC.run, then jstat) and the RSS after start, after a warm-up, midway and at
# the end. Exits 1 when the heap at the end is more than TOLERANCE_MB above the warmed-up one.
#
#   bench/soak.sh                                  # 1,000,000 requests, 2 MiB cache, on port 18084
#   TOTAL=200000 MAX_BYTES=1048576 PORT=8184 bench/soak.sh
#   TOTAL=300000 SKIP_BUILD=1 DUMPS=1 bench/soak.sh   # also a heap dump at each point (heap-*.hprof)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
TOTAL=${TOTAL:-1000000}
MAX_BYTES=${MAX_BYTES:-2097152}
PORT=${PORT:-18084}
CONNECTIONS=${CONNECTIONS:-32}
CHUNK=${CHUNK:-30s}
TOLERANCE_MB=${TOLERANCE_MB:-5}
JAVA=${JAVA:-java}
JAR=${JAR:-$ROOT/target/broadsheet.jar}
JAVA_OPTS=${JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -Xss512k -XX:TrimNativeHeapInterval=5000}
RESULTS=${RESULTS:-$ROOT/target/bench/soak-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$RESULTS"
WORK=$(mktemp -d)
cleanup() { [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
BASE=http://127.0.0.1:$PORT
JCMD=$(dirname "$(readlink -f "$(command -v "$JAVA")")")/jcmd; [ -x "$JCMD" ] || JCMD=jcmd
JSTAT=$(dirname "$JCMD")/jstat; [ -x "$JSTAT" ] || JSTAT=jstat

[ "${SKIP_BUILD:-0}" = 1 ] || (cd "$ROOT" && ./mvnw -q -B -DskipTests package)
"$JAVA" $JAVA_OPTS -jar "$JAR" --server.port="$PORT" --broadsheet.data-dir="$WORK/data" \
  --broadsheet.page-cache.max-bytes="$MAX_BYTES" --logging.level.root=WARN > "$RESULTS/app.log" 2>&1 &
APP_PID=$!
# Ready when the demo journal is in: it loads after the server starts answering.
until curl -s "$BASE/sitemaps/articles-1.xml" | grep -q '<loc>'; do
  kill -0 "$APP_PID" 2>/dev/null || { echo "the application did not start: see $RESULTS/app.log"; exit 1; }
  sleep 0.5
done

# The site's own addresses, from its sitemaps, and the pages no sitemap lists.
{
  printf '%s\n' / /feed/ /feed/atom/ /sitemap.xml /sitemaps/news.xml /robots.txt /privacy/
  for kind in articles sections tags authors; do
    echo "/sitemaps/$kind-1.xml"
    curl -s "$BASE/sitemaps/$kind-1.xml" | grep -o '<loc>[^<]*</loc>' | sed -E 's|<loc>https?://[^/]*||; s|</loc>||'
  done
} > "$RESULTS/paths.txt"
echo "# $(wc -l < "$RESULTS/paths.txt") site addresses; cache limit $MAX_BYTES bytes; $("$JAVA" -version 2>&1 | head -1); $JAVA_OPTS" \
  | tee "$RESULTS/summary.txt"

# Heap in use after a full collection (two, so that finalisable objects go too), metaspace, and RSS.
measure() {
  "$JCMD" "$APP_PID" GC.run > /dev/null; "$JCMD" "$APP_PID" GC.run > /dev/null
  local heap meta rss
  read -r heap meta < <("$JSTAT" -gc "$APP_PID" | awk 'NR==2 {printf "%.1f %.1f\n", ($3+$4+$6+$8)/1024, $10/1024}')
  rss=$(awk '/^VmRSS/ {printf "%.1f", $2/1024}' "/proc/$APP_PID/status")
  printf '%-8s requests=%-8s heap_used_mib=%-6s metaspace_mib=%-6s rss_mib=%s\n' "$1" "$SENT" "$heap" "$meta" "$rss" \
    | tee -a "$RESULTS/summary.txt"
  eval "HEAP_$1=$heap"
  # What the heap holds at this point, for finding what grew: compare histo-warm.txt with histo-end.txt.
  "$JCMD" "$APP_PID" GC.class_histogram > "$RESULTS/histo-$1.txt"
  # DUMPS=1 also keeps a heap dump per point (tens of MB each), to find who holds what grew.
  [ "${DUMPS:-0}" = 1 ] && "$JCMD" "$APP_PID" GC.heap_dump "$RESULTS/heap-$1.hprof" > /dev/null
  return 0
}

# Sends requests in runs of $CHUNK until $1 more have been answered.
drive() {
  local target=$((SENT + $1)) n
  while [ "$SENT" -lt "$target" ]; do
    SOAK_PATHS="$RESULTS/paths.txt" wrk -t2 -c"$CONNECTIONS" -d"$CHUNK" --timeout 10s -s "$HERE/soak.lua" "$BASE" \
      >> "$RESULTS/wrk.txt" 2>&1
    n=$(awk '/requests in/ {n=$1} END {print n+0}' "$RESULTS/wrk.txt")
    SENT=$((SENT + n)); printf 'RUN requests=%s total=%s\n' "$n" "$SENT" >> "$RESULTS/wrk.txt"
  done
}

SENT=0
measure started
drive 30000
measure warm
drive $((TOTAL / 2))
measure midway
drive $((TOTAL / 2))
measure end
echo "non_2xx_3xx=$(awk '/Non-2xx/ {s+=$5} END {print s+0}' "$RESULTS/wrk.txt") of $SENT" | tee -a "$RESULTS/summary.txt"
growth=$(echo "$HEAP_end - $HEAP_warm" | bc)
if (( $(echo "$growth <= $TOLERANCE_MB" | bc) )); then verdict=HELD; else verdict=GREW; fi
echo "RESULT $verdict: heap after $SENT requests ${HEAP_end} MiB vs ${HEAP_warm} MiB warmed up (${growth} MiB, tolerance ${TOLERANCE_MB})" \
  | tee -a "$RESULTS/summary.txt"
[ "$verdict" = HELD ]
