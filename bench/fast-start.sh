#!/usr/bin/env bash
# Fast start (README "Fast start"): runs the Java 17 jar on a JDK 25 with its ahead-of-time cache (JEP 483, 514,
# 515: classes already read, verified and linked, and method profiles, all recorded by a training run) and with
# Spring AOT (the bean definitions worked out at build time; the jar carries them, -Dspring.aot.enabled=true
# uses them).
#
#   bench/fast-start.sh prepare [JAR] [DIR]    # extract JAR (target/broadsheet.jar) to DIR (target/fast-start),
#                                              # then a training run writes DIR/broadsheet.aot (~1-2 minutes)
#   bench/fast-start.sh run [DIR] [ARGS...]    # the server from DIR with the cache; ARGS as for java -jar
#   bench/fast-start.sh java                   # prints the JDK 25 java it would use
#
# The JDK: JAVA25_HOME, else JAVA_HOME, else java on the PATH — whichever is a JDK 25 or newer. Training and
# every later start must use the same JDK and the same JAVA_OPTS (the cache records both); after a new build,
# prepare again (a stale cache is refused with a warning and the server starts the ordinary way).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
JAVA_OPTS=${JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -Xss512k -XX:TrimNativeHeapInterval=5000}
TRAIN_PORT=${TRAIN_PORT:-18091}

java25() {
  local home v
  for home in "${JAVA25_HOME:-}" "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"; do
    [ -n "$home" ] && [ -x "$home/bin/java" ] || continue
    v=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
    if [ "${v%%.*}" -ge 25 ] 2>/dev/null; then echo "$home/bin/java"; return 0; fi
  done
  echo "no JDK 25 found: set JAVA25_HOME to one (e.g. Temurin 25)" >&2
  return 1
}

# The options of every start from DIR. Lucene maps its index files through the foreign-memory API, which a JDK 25
# otherwise warns about.
run_options() {
  local dir=$1 aot=()
  # Jars built without Spring AOT (before it was in the build) still get the JDK's cache. The listing is read
  # whole: with `| grep -q` and pipefail, grep's early exit could fail unzip with SIGPIPE and so drop Spring AOT.
  local listing; listing=$(unzip -Z1 "$(jar_in "$dir")" 2>/dev/null || true)
  if [[ $listing == *BroadsheetApplication__ApplicationContextInitializer* ]]; then
    aot=(-Dspring.aot.enabled=true)
  fi
  echo "$JAVA_OPTS --enable-native-access=ALL-UNNAMED -XX:AOTCache=$dir/broadsheet.aot ${aot[*]:-}"
}
jar_in() { ls "$1"/*.jar | head -1; }

prepare() {
  local jar=${1:-$ROOT/target/broadsheet.jar} dir=${2:-$ROOT/target/fast-start} java train opts pid
  java=$(java25)
  rm -rf "$dir"
  "$java" -Djarmode=tools -jar "$jar" extract --destination "$dir" > /dev/null
  train=$(mktemp -d)
  opts=$(run_options "$dir"); opts=${opts/-XX:AOTCache=/-XX:AOTCacheOutput=}
  # Training: the first start of a new site (demo journal loaded), then the pages readers and staff ask for
  # first, so that the cache holds what serving them loads, not only what starting does.
  # shellcheck disable=SC2086
  "$java" $opts -jar "$(jar_in "$dir")" --server.port="$TRAIN_PORT" --broadsheet.data-dir="$train/data" \
    --logging.level.root=WARN > "$dir/training.log" 2>&1 &
  pid=$!
  local base=http://127.0.0.1:$TRAIN_PORT
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/2026/09/08/the-sanctions-ratchet/")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "training run failed: see $dir/training.log" >&2; exit 1; }
    sleep 0.5
  done
  local css; css=$(curl -s "$base/" | grep -o '/assets/site-[0-9a-f]*\.css' | head -1)
  for path in / /section/opinion/ /tag/sanctions/ /author/kaede-morioka/ /2026/ /2026/09/ /privacy/ \
              /2026/09/08/the-sanctions-ratchet/ /feed/ /feed/atom/ /sitemap.xml /sitemaps/articles-1.xml /robots.txt \
              "/search?q=energy" /no-such-page/ /newsroom/ /newsroom/sign-in "$css"; do
    for encoding in identity gzip br; do curl -s -o /dev/null -H "Accept-Encoding: $encoding" "$base$path"; done
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true   # the JVM writes the cache as it exits
  rm -rf "$train"
  [ -s "$dir/broadsheet.aot" ] || { echo "no cache written: see $dir/training.log" >&2; exit 1; }
  echo "$dir/broadsheet.aot ($(du -h "$dir/broadsheet.aot" | cut -f1)); start with: $0 run $dir"
}

case "${1:-}" in
  java) java25 ;;
  prepare) shift; prepare "$@" ;;
  run)
    shift; dir=${1:-$ROOT/target/fast-start}; [ $# -gt 0 ] && shift
    # shellcheck disable=SC2046
    exec "$(java25)" $(run_options "$dir") -jar "$(jar_in "$dir")" "$@" ;;
  *) sed -n '2,14p' "$0"; exit 2 ;;
esac
