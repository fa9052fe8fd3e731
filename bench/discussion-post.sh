#!/usr/bin/env bash
# Posting throughput with the spam filter on, over HTTP: starts the jar on a fresh H2 database, turns the
# per-IP/per-email rate limits off (they would stop a benchmark from one address), then wrk posts new comments.
# Usage (from the project root, after ./mvnw package): bench/discussion-post.sh [PORT] [DURATION] [CONNECTIONS]
set -euo pipefail
PORT=${1:-8092}
DURATION=${2:-20s}
CONNECTIONS=${3:-16}
DATA=$(mktemp -d)
ARTICLE=/2026/09/08/the-sanctions-ratchet/
DB="jdbc:h2:file:$DATA/broadsheet;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;CASE_INSENSITIVE_IDENTIFIERS=TRUE;AUTO_SERVER=TRUE"
H2=$(find ~/.m2/repository/com/h2database/h2 -name 'h2-*.jar' | sort | tail -1)

start_server() {
  java -jar target/broadsheet.jar --server.port="$PORT" --broadsheet.data-dir="$DATA" --spring.datasource.url="$DB" \
    --logging.level.root=WARN >> "$DATA/server.log" 2>&1 &
  SERVER=$!
  until curl -sf "http://127.0.0.1:$PORT$ARTICLE" > /dev/null; do sleep 1; done
}
SERVER=
trap 'kill $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
start_server
java -cp "$H2" org.h2.tools.Shell -url "$DB" -user sa -sql \
  "INSERT INTO discussion_setting (name, setting_value) VALUES ('ip_per_hour', '0'), ('email_per_hour', '0'), ('hold_first_comment', 'false')" > /dev/null
# The server keeps its settings in memory and hears of changes through its own change log, which a row written
# from outside does not reach: a restart reads them anew.
kill $SERVER; wait $SERVER 2>/dev/null || true
start_server

TOKEN=$(curl -sf "http://127.0.0.1:$PORT$ARTICLE" | grep -o 'name="token" value="[^"]*"' | sed 's/.*value="//; s/"$//')
export ARTICLE TOKEN
BEFORE=$(java -cp "$H2" org.h2.tools.Shell -url "$DB" -user sa -sql "SELECT COUNT(*) FROM comment" | sed -n 2p | tr -dc 0-9)
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/discussion-post.lua "http://127.0.0.1:$PORT"
AFTER=$(java -cp "$H2" org.h2.tools.Shell -url "$DB" -user sa -sql "SELECT COUNT(*) FROM comment" | sed -n 2p | tr -dc 0-9)
echo "comments stored during the run: $((AFTER - BEFORE))"
java -cp "$H2" org.h2.tools.Shell -url "$DB" -user sa -sql "SELECT status, COUNT(*) FROM comment WHERE author_email LIKE 'bench%' GROUP BY status"
