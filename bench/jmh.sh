#!/usr/bin/env bash
# JMH benchmarks of code paths (issue 7): the article template (jte) and the Markdown body, both on the demo
# journal's largest article. Builds the benchmarks jar with the Maven profile `jmh` (the ordinary build never
# compiles them), then runs it; any arguments go to JMH.
#
#   bench/jmh.sh                                   # both benchmarks: 2 forks × (5 × 2 s warm-up, 5 × 2 s measured)
#   bench/jmh.sh MarkdownRender                    # one of them (a regular expression on the names)
#   bench/jmh.sh -p slug=the-sanctions-ratchet     # another demo article
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/jmh.sh
#   bench/jmh.sh -h                                # JMH's own options (-f forks, -wi/-i iterations, -prof …)
#
# Results are also written as JSON to target/bench/jmh-<time>.json.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAVA=${JAVA:-java}
cd "$ROOT"
./mvnw -q -B -Pjmh -DskipTests package
mkdir -p target/bench
OUT=target/bench/jmh-$(date +%Y%m%d-%H%M%S).json
echo "# $("$JAVA" -version 2>&1 | head -1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
exec "$JAVA" -jar target/broadsheet-benchmarks.jar -rf json -rff "$OUT" "$@"
