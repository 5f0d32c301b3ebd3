#!/usr/bin/env bash
# Audit log benchmark (issue 13): a generated audit.log of N records (bench/gen-audit.py: executions of
# 6 records, user-space logins, file syscalls), ingested into a fresh case with the Release CLI, and
# `ausearch -if F > /dev/null` (Debian auditd) on the same file in the same run. Prints records/s of both
# (target: our parse >= 150,000 records/s on 2 cores).
# Usage: bench/audit.sh [RECORDS]   (default 1000000)
set -euo pipefail
source "$(dirname "$0")/common.sh"
records=${1:-1000000}
bench_setup 1
audit="$work/audit-$records.log"
[ -f "$audit" ] || python3 "$here/gen-audit.py" "$records" "$audit"
count=$(wc -l < "$audit")
command -v ausearch >/dev/null || { echo "ausearch missing: apt-get install auditd"; exit 1; }
rm -f "$work/audit.db" "$work/audit.db.lock"
start=$(date +%s.%N)
"$tl" ingest "$audit" --case "$work/audit.db" > "$work/audit.out"
ours=$(echo "$(date +%s.%N) - $start" | bc -l)
start=$(date +%s.%N)
ausearch -if "$audit" > /dev/null 2>&1 || true
theirs=$(echo "$(date +%s.%N) - $start" | bc -l)
printf 'audit.log: %d records, %.1f MB\n' "$count" "$(echo "$(stat -c %s "$audit") / 1048576" | bc -l)"
printf 'timeline ingest (fresh case): %.2f s = %.0f records/s\n' "$ours" "$(echo "$count / $ours" | bc -l)"
printf 'ausearch -if F > /dev/null:   %.2f s = %.0f records/s\n' "$theirs" "$(echo "$count / $theirs" | bc -l)"
tail -n 1 "$work/audit.out"
