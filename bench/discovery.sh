#!/bin/sh
# Discovery benchmark: generates N articles (default 100,000) from the corpora in ../shared/data/corpus,
# rebuilds the search index and measures queries, feeds and sitemaps. Results: target/bench-discovery.md.
# Usage: bench/discovery.sh [articles]     REUSE=1 bench/discovery.sh [articles]
set -e
cd "$(dirname "$0")/.."
# Keeps the generated database between runs when REUSE=1 (generation takes several minutes at 100,000).
[ "${REUSE:-0}" = 1 ] || rm -rf target/bench-discovery
./mvnw -q -B -o test -Dtest=DiscoveryBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.articles="${1:-100000}" -DargLine="-Xmx1500m -XX:+UseParallelGC -Dbench.articles=${1:-100000}"
cat target/bench-discovery.md
