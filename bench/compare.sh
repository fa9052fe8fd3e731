#!/usr/bin/env bash
# Speed, side by side in one run (issue 7): the same ~18 KB article served by
#   nginx as a static file (gzip off, gzip on the fly)      — the physical limit
#   Broadsheet with the page cache (plain, gzip and brotli)  — what anonymous readers get
#   Broadsheet with the page cache off                        — every request rendered
#   Broadsheet's time to first 200 after start (bench/startup.sh: plain, CDS, JDK 25 AOT cache)
#   WordPress and Ghost, when ../shared/anchors is present and they are installed
# each measured with wrk -t2 at 16 and 64 connections for $DUR, never two servers at once, after the same
# warm-up for every server ($WARMUP of wrk -c16 before a label's first measured run). The warm-up is 60 s, not
# the anchors' 5 s: a JVM compiles its hot code while it serves, and on 2 cores shared with wrk an uncached page
# took 1–2 minutes to come down from ~6 ms to ~0.2 ms of CPU (bench/render.md, "Warm-up"); after 5 s the run
# measured the compiler, not the server. Every server, the peers included, gets the same warm-up.
# Prints requests/s, p50, p99, RSS after the run, time to first 200, and ratios.
#
#   bench/compare.sh                   # everything (about 30 minutes with the peers)
#   WARMUP=5s bench/compare.sh         # the anchors' own warm-up (measures the JVM while it still compiles)
#   PEERS=0 DUR=10s bench/compare.sh   # nginx and Broadsheet only
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
ANCHORS=${ANCHORS:-$ROOT/../shared/anchors}
export RESULTS=${RESULTS:-$ROOT/target/bench/compare-$(date +%Y%m%d-%H%M%S)}
export DUR=${DUR:-20s}
export WARMUP=${WARMUP:-60s}
mkdir -p "$RESULTS"
if [ -f "$ANCHORS/lib.sh" ]; then source "$ANCHORS/lib.sh"; else source "$HERE/lib.sh"; fi

APP_PORT=${APP_PORT:-18080}
JAVA=${JAVA:-java}
# A small heap is plenty: the page cache is bounded (64 MiB by default) and pages are small. The JVM hands freed
# native memory back every 5 s (README "Speed": what users are told to run).
JAVA_OPTS=${JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -Xss512k -XX:TrimNativeHeapInterval=5000}
ART=${ART:-/var/tmp/bench-article}
WORK=$(mktemp -d); chmod 755 "$WORK"
cleanup() { [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >/dev/null; }
[ -f "$ART/article-body.html" ] || python3 "$ANCHORS/10-make-article.py" "$ART"
(cd "$ROOT" && ./mvnw -q -B -DskipTests package)
echo "# $("$JAVA" -version 2>&1 | head -1); JAVA_OPTS=$JAVA_OPTS; warm-up $WARMUP per label" | tee -a "$RESULTS/summary.txt"

# --- nginx, the physical limit ----------------------------------------------------
if [ -x "$ANCHORS/20-nginx-static.sh" ]; then "$ANCHORS/20-nginx-static.sh" > "$RESULTS/nginx.log" 2>&1; fi

# --- Broadsheet: the benchmark article imported through the WordPress importer ------
python3 "$HERE/make-wxr.py" "$ART" "$WORK/article.xml"
DATA="$WORK/data"
"$JAVA" $JAVA_OPTS -jar "$ROOT/target/broadsheet.jar" import-wxr "$WORK/article.xml" \
  --broadsheet.data-dir="$DATA" --broadsheet.demo-content=false > "$RESULTS/import.log" 2>&1
URL=http://127.0.0.1:$APP_PORT/2024/05/01/whose-software-is-it-anyway/

# first_200 LABEL URL: wall time from the start of $APP_PID to its first 200, and the CPU seconds the process
# used until then (all its threads: a loaded machine stretches the first, barely the second).
first_200() {
  local t; t=$(wait_http "$2" 300)
  echo "START $1 first_200_s=$t cpu_s=$(awk '{print ($14+$15)/100}' /proc/$APP_PID/stat)" | tee -a "$RESULTS/summary.txt"
}
start_app() {  # start_app LABEL extra-args...
  local label=$1; shift
  "$JAVA" $JAVA_OPTS -jar "$ROOT/target/broadsheet.jar" --server.port=$APP_PORT --broadsheet.data-dir="$DATA" \
    --broadsheet.demo-content=false --logging.level.root=WARN "$@" > "$RESULTS/$label.log" 2>&1 &
  APP_PID=$!
  first_200 "$label" "$URL"
}
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=; }

start_app broadsheet-cached
for c in 16 64; do run_wrk broadsheet-cached "$URL" $c; done
for c in 16 64; do run_wrk broadsheet-cached-gzip "$URL" $c -H 'Accept-Encoding: gzip'; done
for c in 16 64; do run_wrk broadsheet-cached-br "$URL" $c -H 'Accept-Encoding: br'; done
mem_report broadsheet-cached "$APP_PID"
stop_app

start_app broadsheet-uncached --broadsheet.page-cache.enabled=false
for c in 16 64; do run_wrk broadsheet-uncached "$URL" $c; done
mem_report broadsheet-uncached "$APP_PID"
stop_app

# Time to first 200 of a demo article on H2 with the demo content: the first start (which loads the demo journal
# into an empty data directory) and a restart, plain, with class-data sharing (CDS) and — when a JDK 25 is found —
# with its AOT cache and Spring AOT (README "Fast start"). bench/startup.sh does it, into this summary.
RESULTS="$RESULTS" PORT=$APP_PORT JAVA="$JAVA" JAVA_OPTS="$JAVA_OPTS" "$HERE/startup.sh" "$ROOT/target/broadsheet.jar"

# --- The peers, when installed -------------------------------------------------------
if [ "${PEERS:-1}" = 1 ] && [ -d "$ANCHORS" ]; then
  [ -d /usr/share/wordpress ] && "$ANCHORS/40-wordpress.sh" > "$RESULTS/wordpress.log" 2>&1 || true
  [ -d /usr/share/wordpress ] && WP_THEME=twentytwentyone "$ANCHORS/40-wordpress.sh" > "$RESULTS/wordpress-classic.log" 2>&1 || true
  [ -d /opt/bench-ghost/ghost/node_modules ] && "$ANCHORS/50-ghost.sh" > "$RESULTS/ghost.log" 2>&1 || true
fi

python3 "$HERE/table.py" "$RESULTS/summary.txt" | tee "$RESULTS/table.md"
