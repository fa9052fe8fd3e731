# Fallback helpers for bench scripts when ../shared/anchors/lib.sh is absent: the same three
# functions (wait_http, run_wrk, mem_report), writing the same summary lines to $RESULTS/summary.txt.
RESULTS=${RESULTS:-/tmp/broadsheet-bench}
mkdir -p "$RESULTS"
DUR=${DUR:-20s}

wait_http() {
  local url=$1 to=${2:-120} t0; t0=$(date +%s.%N)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" || true)" = 200 ]; do
    if (( $(echo "$(date +%s.%N) - $t0 > $to" | bc) )); then echo TIMEOUT; return 1; fi
    sleep 0.05
  done
  echo "$(date +%s.%N) - $t0" | bc
}

run_wrk() {
  local label=$1 url=$2 c=$3; shift 3
  local f="$RESULTS/${label}-c${c}.txt"
  if [ "${WARMUP:-5s}" != 0 ] && [ ! -e "$RESULTS/.warm-$label" ]; then  # as ../shared/anchors/lib.sh does
    wrk -t2 -c16 -d"${WARMUP:-5s}" "$@" "$url" > /dev/null 2>&1; touch "$RESULTS/.warm-$label"
  fi
  wrk -t2 -c"$c" -d"$DUR" --timeout 10s --latency "$@" "$url" > "$f" 2>&1
  local rps p50 p99
  rps=$(awk '/Requests\/sec/{print $2}' "$f"); p50=$(awk '$1=="50%"{print $2}' "$f"); p99=$(awk '$1=="99%"{print $2}' "$f")
  echo "WRK $label c=$c rps=$rps p50=$p50 p99=$p99" | tee -a "$RESULTS/summary.txt"
}

mem_report() {
  local label=$1 pid=$2
  printf 'MEM %s rss_mib=%.1f\n' "$label" "$(awk '/^VmRSS/{print $2/1024}' /proc/$pid/status)" | tee -a "$RESULTS/summary.txt"
}
