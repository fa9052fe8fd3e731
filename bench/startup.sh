#!/usr/bin/env bash
# Start-up (issue 7, "first 200 within 3 s of start on H2 with the demo content"): wall seconds and CPU seconds
# from process start to the first 200 of a demo article, for each jar given and each way of starting it:
#   (plain)  java -jar                                         first start (loads the demo journal), then restart
#   -cds     Java's class-data sharing archive (README "Faster start-up: class-data sharing")
#   -cdsaot  the same archive made and used with Spring AOT's bean definitions (-Dspring.aot.enabled=true)
#   -aot25   a JDK 25's AOT cache plus Spring AOT (README "Fast start", bench/fast-start.sh), when a JDK 25 is found
# Jars are measured in turn within each round, so that a change of load on a shared machine hits all alike.
# A first start is stopped only once it has built the demo journal's search index (as a real first start
# would finish it), so that the restart after it measures a restart, not a restart plus that rebuild.
#
#   bench/startup.sh                                   # target/broadsheet.jar, one round
#   REPEAT=3 PORT=8183 bench/startup.sh OLD.jar target/broadsheet.jar
#
# Prints "START label first_200_s=… cpu_s=… load=…" lines to $RESULTS/summary.txt (as bench/compare.sh does).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
export RESULTS=${RESULTS:-$ROOT/target/bench/startup-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$RESULTS"
source "$HERE/lib.sh"
JAVA=${JAVA:-java}
export JAVA_OPTS=${JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -Xss512k -XX:TrimNativeHeapInterval=5000}
PORT=${PORT:-18090}
REPEAT=${REPEAT:-1}
VARIANTS=${VARIANTS:-plain cds cdsaot aot25}
[ $# -gt 0 ] || set -- "$ROOT/target/broadsheet.jar"
WORK=$(mktemp -d)
cleanup() { [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
URL=http://127.0.0.1:$PORT/2026/09/08/the-sanctions-ratchet/
J25=$("$HERE/fast-start.sh" java 2>/dev/null) || { J25=; VARIANTS=${VARIANTS//aot25/}; echo "# no JDK 25: no -aot25 rows"; }

# first_200 LABEL COMMAND...: starts COMMAND, waits for the first 200, prints wall and CPU seconds (all threads
# of the process, JIT compilers included: a loaded machine stretches the first, barely the second), stops it
# (a first start once its search index is built, at most 300 s later).
first_200() {
  local label=$1; shift
  local log="$RESULTS/$label.log"
  "$@" --server.port="$PORT" --logging.level.root=WARN --logging.level.org.broadsheet.search=INFO > "$log" 2>&1 &
  APP_PID=$!
  local t; t=$(wait_http "$URL" 300)
  echo "START $label first_200_s=$t cpu_s=$(awk '{print ($14+$15)/100}' "/proc/$APP_PID/stat") load=$(cut -d' ' -f1 /proc/loadavg)" \
    | tee -a "$RESULTS/summary.txt"
  if [[ $label == *first-start* ]]; then
    for _ in $(seq 600); do grep -q "Search index rebuilt\|Search index opened at" "$log" && break; sleep 0.5; done
  fi
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=
}

# Per jar, once: the CDS archive (training stops as soon as the context is up) and the JDK 25 AOT cache.
n=0
for jar in "$@"; do
  n=$((n + 1)); dir="$WORK/jar$n"; mkdir -p "$dir"
  tag[$n]=$([ $# -gt 1 ] && echo "[$(basename "$jar")]" || true)
  cp "$jar" "$dir/broadsheet.jar"
  if [[ " $VARIANTS " == *" cds"* ]]; then
    "$JAVA" -Djarmode=tools -jar "$dir/broadsheet.jar" extract --destination "$dir/cds" > /dev/null
  fi
  # The archive records the classes the training loads; with Spring AOT those differ, so each way has its own.
  for variant in cds cdsaot; do
    [[ " $VARIANTS " == *" $variant "* ]] || continue
    aot=(); [ $variant = cdsaot ] && aot=(-Dspring.aot.enabled=true)
    # shellcheck disable=SC2086
    "$JAVA" $JAVA_OPTS "${aot[@]}" -XX:ArchiveClassesAtExit="$dir/cds/$variant.jsa" -Dspring.context.exit=onRefresh \
      -jar "$dir/cds/broadsheet.jar" --broadsheet.data-dir="$dir/$variant-training" --broadsheet.demo-content=false \
      --server.port="$PORT" > "$RESULTS/$variant-training$n.log" 2>&1
  done
  if [[ " $VARIANTS " == *" aot25 "* ]]; then
    TRAIN_PORT=$PORT "$HERE/fast-start.sh" prepare "$dir/broadsheet.jar" "$dir/aot25" > "$RESULTS/aot25-training$n.log"
  fi
done
echo "# $("$JAVA" -version 2>&1 | head -1)${J25:+; JDK 25: $("$J25" -version 2>&1 | head -1)}; JAVA_OPTS=$JAVA_OPTS" \
  | tee -a "$RESULTS/summary.txt"

for round in $(seq "$REPEAT"); do
  for variant in $VARIANTS; do
    for i in $(seq "$n"); do
      dir="$WORK/jar$i"; data="$dir/data-$variant-$round"
      case $variant in
        plain) cmd=("$JAVA" $JAVA_OPTS -jar "$dir/broadsheet.jar"); suffix= ;;
        cds) cmd=("$JAVA" $JAVA_OPTS -XX:SharedArchiveFile="$dir/cds/cds.jsa" -jar "$dir/cds/broadsheet.jar"); suffix=-cds ;;
        cdsaot) cmd=("$JAVA" $JAVA_OPTS -Dspring.aot.enabled=true -XX:SharedArchiveFile="$dir/cds/cdsaot.jsa"
                     -jar "$dir/cds/broadsheet.jar"); suffix=-cds-aot ;;
        aot25) cmd=("$HERE/fast-start.sh" run "$dir/aot25"); suffix=-aot25 ;;
      esac
      first_200 "broadsheet-demo-first-start$suffix${tag[$i]}" "${cmd[@]}" --broadsheet.data-dir="$data"
      first_200 "broadsheet-demo-restart$suffix${tag[$i]}" "${cmd[@]}" --broadsheet.data-dir="$data"
    done
  done
done
