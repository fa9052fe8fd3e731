#!/bin/sh
# Discovery benchmark: generates N articles (default 100,000) from the corpora in ../shared/data/corpus,
# rebuilds the search index and measures queries, feeds and sitemaps. Results: target/bench-discovery.md.
# Usage: bench/discovery.sh [articles]     REUSE=1 bench/discovery.sh [articles]
#        REUSE=1 KEEP_INDEX=1 bench/discovery.sh   measures queries, feeds and sitemaps again on the kept index
set -e
cd "$(dirname "$0")/.."
# Keeps the generated database between runs when REUSE=1 (generation takes several minutes at 100,000).
[ "${REUSE:-0}" = 1 ] || rm -rf target/bench-discovery
./mvnw -q -B test -Dtest=DiscoveryBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtest.jvm="-Xmx1500m -XX:+UseParallelGC -Dbench.articles=${1:-100000} -Dbench.keep-index=$([ "${KEEP_INDEX:-0}" = 1 ] && echo true || echo false)"
cat target/bench-discovery.md
