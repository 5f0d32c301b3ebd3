#!/usr/bin/env bash
# Audit log benchmark (issue 13): a generated audit.log of N records (bench/gen-audit.py: executions of
# 6 records, user-space logins, file syscalls). In the same run: `ausearch -if F > /dev/null` (Debian
# auditd, the reference reader), our parser alone (bench/Timeline.Bench.Parse linux/audit: records joined
# into events and built, nothing stored; best of BENCH_PASSES passes after a warm-up, with its CPU time),
# and a full `timeline ingest` into a fresh case with the Release CLI. Prints records/s of each (target:
# our parse >= 150,000 records/s on 2 cores). The machine is shared: CPU time is the steadier figure.
# Usage: bench/audit.sh [RECORDS]   (default 1000000)
set -euo pipefail
source "$(dirname "$0")/common.sh"
records=${1:-1000000}
bench_setup 1
audit="$work/audit-$records.log"
[ -f "$audit" ] || python3 "$here/gen-audit.py" "$records" "$audit"
count=$(wc -l < "$audit")
command -v ausearch >/dev/null || { echo "ausearch missing: apt-get install auditd"; exit 1; }
dotnet build "$here/Timeline.Bench.Parse" -c Release -o "$work/bench-parse" --nologo -v quiet >/dev/null
dotnet "$work/bench-parse/Timeline.Bench.Parse.dll" linux/audit "$audit" | tee "$work/audit-parse.out"
read -r pbest pcpu < <(tail -n 1 "$work/audit-parse.out" | sed -E 's/best_seconds=([0-9.]+) cpu_seconds=([0-9.]+).*/\1 \2/')
rm -f "$work/audit.db" "$work/audit.db.lock"
start=$(date +%s.%N)
"$tl" ingest "$audit" --case "$work/audit.db" > "$work/audit.out"
ours=$(echo "$(date +%s.%N) - $start" | bc -l)
start=$(date +%s.%N)
ausearch -if "$audit" > /dev/null 2>&1 || true
theirs=$(echo "$(date +%s.%N) - $start" | bc -l)
printf 'audit.log: %d records, %.1f MB\n' "$count" "$(echo "$(stat -c %s "$audit") / 1048576" | bc -l)"
printf 'timeline linux/audit parse only (best pass): %.2f s = %.0f records/s; CPU %.2f s = %.0f records per CPU second\n' "$pbest" "$(echo "$count / $pbest" | bc -l)" "$pcpu" "$(echo "$count / $pcpu" | bc -l)"
printf 'timeline ingest (fresh case): %.2f s = %.0f records/s\n' "$ours" "$(echo "$count / $ours" | bc -l)"
printf 'ausearch -if F > /dev/null:   %.2f s = %.0f records/s\n' "$theirs" "$(echo "$count / $theirs" | bc -l)"
tail -n 1 "$work/audit.out"
uptime
