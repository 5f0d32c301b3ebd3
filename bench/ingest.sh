#!/usr/bin/env bash
# Ingest benchmark: parse + store of a generated 1,000,000-line auth.log into a fresh case,
# with the Release build of the CLI. Prints lines/s and peak RSS (VmHWM) of the timeline process.
# Usage: bench/ingest.sh [LINES]   (run from anywhere; needs python3 and the .NET SDK)
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_setup "${1:-1000000}"
for run in 1 2 3; do
  rm -f "$work/bench.db" "$work/bench.db.lock" "$work"/bench-log.db
  start=$(date +%s.%N)
  "$tl" ingest "$log" --case "$work/bench.db" > "$work/ingest.out" &
  pid=$!
  peak=0
  while kill -0 "$pid" 2>/dev/null; do
    hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ -n "$hwm" ] && [ "$hwm" -gt "$peak" ] && peak=$hwm
    sleep 0.05
  done
  wait "$pid" || true
  end=$(date +%s.%N)
  secs=$(echo "$end - $start" | bc -l)
  size=$(stat -c %s "$work/bench.db")
  printf 'run %d: %d lines in %.2f s = %.0f lines/s, peak RSS %.0f MB, case %.1f MB (%.0f B/event)\n' \
    "$run" "$lines" "$secs" "$(echo "$lines / $secs" | bc -l)" "$(echo "$peak / 1024" | bc -l)" \
    "$(echo "$size / 1048576" | bc -l)" "$(echo "$size / $lines" | bc -l)"
done
tail -n 3 "$work/ingest.out"
