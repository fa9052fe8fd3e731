#!/usr/bin/env bash
# Rendering without the page cache, old build against new, in the same conditions: each jar serves the
# compare.sh benchmark article (imported through import-wxr) with --broadsheet.page-cache.enabled=false, one
# after the other, measured with wrk -t2 at 16 and 64 connections. Besides requests/s it reports the server's
# own CPU time per request (utime+stime of the process over the run), which a machine shared with other
# work disturbs far less than requests/s.
#
#   bench/uncached.sh OLD.jar NEW.jar        # e.g. a copy of main's jar saved before a change, and target/broadsheet.jar
#   WARM=30s DUR=15s PORT=18081 bench/uncached.sh …
#   JAVA=path/to/other/bin/java bench/uncached.sh …   # the same jars on another JDK
#   PAGE_CACHE=true bench/uncached.sh OLD.jar NEW.jar   # the same comparison with the page cache on (cache hits)
#   WARM=120s DUR=15s CONNS="64 64 64" bench/uncached.sh OLD.jar NEW.jar OLD.jar NEW.jar   # three runs at c64 each, warm
#   SERVER_ARGS='--server.tomcat.threads.max=50' bench/uncached.sh …   # extra options for every server
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
ANCHORS=${ANCHORS:-$ROOT/../shared/anchors}
PORT=${PORT:-18081}
JAVA_OPTS=${JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -Xss512k -XX:TrimNativeHeapInterval=5000}
WORK=$(mktemp -d)
cleanup() { [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
if [ -f "$ANCHORS/lib.sh" ]; then source "$ANCHORS/lib.sh"; else source "$HERE/lib.sh"; fi

python3 "$ANCHORS/10-make-article.py" "$WORK/article" > /dev/null
python3 "$HERE/make-wxr.py" "$WORK/article" "$WORK/article.xml"
java $JAVA_OPTS -jar "$1" import-wxr "$WORK/article.xml" --broadsheet.data-dir="$WORK/seed" \
  --broadsheet.demo-content=false > "$WORK/import.log" 2>&1
# The search index too: otherwise each server rebuilds it in the background after start, and until it is ready
# the article's related block is looked up (Lucene, then SQL) on every request — a start-up transient, not
# what rendering costs.
java $JAVA_OPTS -jar "$1" reindex --broadsheet.data-dir="$WORK/seed" --broadsheet.demo-content=false \
  >> "$WORK/import.log" 2>&1
URL=http://127.0.0.1:$PORT/2024/05/01/whose-software-is-it-anyway/

for jar in "$@"; do
  rm -rf "$WORK/data"; cp -r "$WORK/seed" "$WORK/data"
  ${JAVA:-java} $JAVA_OPTS -jar "$jar" --server.port=$PORT --broadsheet.data-dir="$WORK/data" --broadsheet.demo-content=false \
    --logging.level.root=WARN --broadsheet.page-cache.enabled=${PAGE_CACHE:-false} ${SERVER_ARGS:-} > "$WORK/server.log" 2>&1 &
  PID=$!
  echo "$jar first_200_s=$(wait_http "$URL" 300)"
  wrk -t2 -c16 -d"${WARM:-30s}" "$URL" > /dev/null
  for c in ${CONNS:-16 64}; do
    c0=$(awk '{print $14+$15}' /proc/$PID/stat)
    out=$(wrk -t2 -c$c -d"${DUR:-15s}" --latency "$URL")
    c1=$(awk '{print $14+$15}' /proc/$PID/stat)
    n=$(echo "$out" | awk '/requests in/{print $1}')
    echo "$jar c=$c rps=$(echo "$out" | awk '/Requests\/sec/{print $2}') p99=$(echo "$out" | awk '$1=="99%"{print $2}')" \
      "server_cpu_us_per_req=$(( (c1 - c0) * 1000000 / $(getconf CLK_TCK) / n )) load=$(cut -d' ' -f1 /proc/loadavg)"
  done
  kill $PID; wait $PID 2>/dev/null || true; PID=
done
