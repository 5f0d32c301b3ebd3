#!/usr/bin/env bash
# Report benchmark: `timeline report` on a case of LINES generated auth.log lines (default
# 1,000,000), Release build. Times the HTML report three times (with peak RSS and file size), then
# each export once. If the CLI has `hunt` and `chain`, they run first so the report has rule hits
# and chains to summarise. Targets: HTML in under 15 s and under 20 MB for 1,000,000 events.
# Usage: bench/report.sh [LINES]   (needs python3 and the .NET SDK; reuses bench/gen-authlog.py)
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_setup "${1:-1000000}"
case="$work/report-$lines.db"
if [ ! -f "$case" ]; then
  "$tl" ingest "$log" --case "$case" >/dev/null
  for stage in hunt chain; do
    if "$tl" "$stage" --help >/dev/null 2>&1; then "$tl" "$stage" --case "$case" >/dev/null || true; fi
  done
fi

measure() { # measure LABEL ARGS... : runs timeline ARGS, prints time, peak RSS and output size
  local label=$1; shift
  local out=$1; shift
  rm -f "$out"
  local start end peak=0 hwm pid
  start=$(date +%s.%N)
  "$tl" "$@" --out "$out" >/dev/null &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ -n "$hwm" ] && [ "$hwm" -gt "$peak" ] && peak=$hwm
    sleep 0.05
  done
  wait "$pid"
  end=$(date +%s.%N)
  printf '%-12s %d events: %.2f s, peak RSS %.0f MB, output %.2f MB\n' "$label" "$lines" "$(echo "$end - $start" | bc -l)" \
    "$(echo "$peak / 1024" | bc -l)" "$(echo "$(stat -c %s "$out") / 1048576" | bc -l)"
}

for run in 1 2 3; do measure "html run $run" "$work/report.html" report --case "$case" --format html; done
for format in csv jsonl timesketch; do measure "$format" "$work/report.$format" report --case "$case" --format "$format"; done
