#!/usr/bin/env bash
# Ingest benchmark: parse + store of a generated 1,000,000-line auth.log into a fresh case,
# with the Release build of the CLI. Prints lines/s and peak RSS (VmHWM) of the timeline process.
# Usage: bench/ingest.sh [LINES]   (run from anywhere; needs python3 and the .NET SDK)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
lines=${1:-1000000}
work=${BENCH_DIR:-/tmp/timeline-bench}
mkdir -p "$work"
log="$work/auth-$lines.log"
[ -f "$log" ] || python3 "$here/gen-authlog.py" "$lines" "$log"
touch -d "2024-12-31 23:00:00" "$log"
dotnet build "$root/src/Timeline.Cli" -c Release -o "$work/cli" --nologo -v quiet >/dev/null
for run in 1 2 3; do
  rm -f "$work/bench.db" "$work/bench.db.lock" "$work"/bench-log.db
  start=$(date +%s.%N)
  "$work/cli/timeline" ingest "$log" --case "$work/bench.db" > "$work/ingest.out" &
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
