#!/usr/bin/env bash
# Chain benchmark (issue 5): 1,000,000 background auth.log lines plus one incident on the same host,
# then `timeline chain --rebuild` timed three times (Release build), with peak RSS. The incident is the
# bundled scenario (host web01, the generator's host too); its chain must come out the same as alone.
# Usage: bench/chain.sh [LINES]   (needs python3 and the .NET SDK)
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_setup "${1:-1000000}"
case="$work/chain-$lines.db"
rm -f "$case" "$case.lock"
"$tl" ingest "$log" "$root/sample-logs/scenarios/ssh-bruteforce-cron-xmrig" --case "$case" >/dev/null || true
"$tl" hunt --case "$case" >/dev/null
for run in 1 2 3; do
  start=$(date +%s.%N)
  "$tl" chain --case "$case" --rebuild --format json > "$work/chain.json" &
  pid=$!
  peak=0
  while kill -0 "$pid" 2>/dev/null; do
    hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ -n "$hwm" ] && [ "$hwm" -gt "$peak" ] && peak=$hwm
    sleep 0.05
  done
  wait "$pid"
  end=$(date +%s.%N)
  printf 'run %d: chain over %d events: %.2f s (whole process), peak RSS %.0f MB\n' "$run" "$((lines + 203))" \
    "$(echo "$end - $start" | bc -l)" "$(echo "$peak / 1024" | bc -l)"
done
python3 - "$work/chain.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
chains = doc["chains"] if isinstance(doc, dict) else doc
for c in chains:
    entry = c.get("entry") or {}
    print("host", c.get("host"), "entry", entry.get("summary") or entry.get("Summary"))
PY
