#!/usr/bin/env bash
# Baseline (issue 2): Broadsheet serving the demo journal vs nginx serving the same article's HTML as a
# static file, measured in one run with wrk at 16 and 64 connections for $DUR each.
#
#   bench/baseline.sh            # builds the jar, runs everything, prints a table
#   DUR=5s bench/baseline.sh     # a quicker look
#
# Needs wrk and nginx (installed from Debian's packages when missing). Uses the anchors' helpers in
# ../shared/anchors/lib.sh when present. Everything binds to 127.0.0.1 and is stopped by PID at the end.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
export RESULTS=${RESULTS:-$ROOT/target/bench/baseline-$(date +%Y%m%d-%H%M%S)}
export DUR=${DUR:-20s}
mkdir -p "$RESULTS"
if [ -f "$ROOT/../shared/anchors/lib.sh" ]; then
  source "$ROOT/../shared/anchors/lib.sh"
else
  source "$HERE/lib.sh"
fi

for tool in wrk nginx; do
  command -v $tool >/dev/null 2>&1 || [ -x /usr/sbin/$tool ] || {
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >/dev/null; }
done

APP_PORT=${APP_PORT:-18080}
NGINX_PORT=${NGINX_PORT:-18081}
WORK=$(mktemp -d)
chmod 755 "$WORK"   # nginx workers run as an unprivileged user
cleanup() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ -n "${NGINX_PID:-}" ] && kill -QUIT "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

(cd "$ROOT" && ./mvnw -q -B -DskipTests package)
JAVA=${JAVA:-java}
"$JAVA" -version 2>&1 | head -1 | sed 's/^/# /'

ARTICLE=/2026/09/08/the-sanctions-ratchet/
"$JAVA" -jar "$ROOT/target/broadsheet.jar" --server.port=$APP_PORT --broadsheet.data-dir="$WORK/data" \
  --logging.level.root=WARN > "$WORK/app.log" 2>&1 &
APP_PID=$!
echo "START broadsheet first_200_s=$(wait_http http://127.0.0.1:$APP_PORT$ARTICLE 120)" | tee -a "$RESULTS/summary.txt"

# The same article's HTML, saved as a static file for nginx.
mkdir -p "$WORK/html$ARTICLE" "$WORK/nginx/logs"
curl -s "http://127.0.0.1:$APP_PORT$ARTICLE" > "$WORK/html${ARTICLE}index.html"
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  sendfile on; tcp_nopush on; keepalive_timeout 65; keepalive_requests 1000000;
  access_log off;
  gzip off;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/html; }
}
CONF
/usr/sbin/nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!
wait_http "http://127.0.0.1:$NGINX_PORT$ARTICLE" 30 >/dev/null

for c in 16 64; do run_wrk nginx-static "http://127.0.0.1:$NGINX_PORT$ARTICLE" $c; done
kill -QUIT "$NGINX_PID"; wait "$NGINX_PID" 2>/dev/null || true; NGINX_PID=

for page in "article:$ARTICLE" "home:/" "section:/section/opinion/"; do
  label=broadsheet-${page%%:*}; path=${page#*:}
  for c in 16 64; do run_wrk "$label" "http://127.0.0.1:$APP_PORT$path" $c; done
done
mem_report broadsheet "$APP_PID"

python3 "$HERE/table.py" "$RESULTS/summary.txt" | tee "$RESULTS/table.md"
