#!/bin/sh
# Import benchmark: generates a WXR of 50,000 posts and 200,000 comments and imports it with the heap
# capped at 512 MB, into a fresh H2 data directory (and, with PG=1, into a PostgreSQL schema).
# SIZE=1g generates and imports a ~1 GB export instead (60,000 posts of 20 paragraphs, 480,000 comments).
# Run from the project root after ./mvnw -B package -DskipTests.
set -e
PARAGRAPHS=5
if [ "$SIZE" = "1g" ]; then
  POSTS=${POSTS:-60000}
  COMMENTS=${COMMENTS:-480000}
  PARAGRAPHS=20
fi
POSTS=${POSTS:-50000}
COMMENTS=${COMMENTS:-200000}
FILE=target/bench-wxr-$POSTS-$PARAGRAPHS.xml
GCLOG=target/bench-import-gc-$POSTS.log
[ -f "$FILE" ] || java bench/WxrGenerator.java "$FILE" "$POSTS" "$COMMENTS" ../shared/data/corpus/en-bbc-sample "$PARAGRAPHS"
ls -l "$FILE"
DATA=$(mktemp -d)
uptime
/usr/bin/time -f "wall %e s, user %U s, sys %S s, max RSS %M KB" \
  java -Xmx512m -Xlog:gc:file="$GCLOG" \
  -jar target/broadsheet.jar import-wxr "$FILE" --broadsheet.data-dir="$DATA"
uptime
# Largest heap in use right after a collection: the live set the import needs.
grep -o '[0-9]*M->[0-9]*M' "$GCLOG" | sed 's/.*->//; s/M//' | sort -n | tail -1 | sed 's/^/peak live heap after GC: /; s/$/ MB/'
if [ "$PG" = "1" ]; then
  SCHEMA=bench_$(date +%s)
  /usr/bin/time -f "wall %e s, user %U s, sys %S s, max RSS %M KB" \
    java -Xmx512m -jar target/broadsheet.jar import-wxr "$FILE" --broadsheet.data-dir="$DATA-pg" \
    "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA" \
    --spring.flyway.schemas="$SCHEMA" --spring.flyway.default-schema="$SCHEMA" \
    --spring.datasource.username=postgres --spring.datasource.password=
fi
