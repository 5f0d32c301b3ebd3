#!/usr/bin/env bash
# Access-log ingest benchmark (issue 14): parse + store of a generated combined-format access log
# (default 1,000,000 lines; bench/gen-access.py: pages, scanner noise, encoded and Log4Shell probes, XFF,
# TLS garbage) into a fresh case with the Release CLI, against floors measured in the same run on the same
# file: `wc -l` (reading the bytes) and a naive python3 regex loop over the combined format.
# Usage: bench/web.sh [LINES]   (needs python3 and the .NET SDK; BENCH_DIR defaults to /tmp/timeline-bench)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
lines=${1:-1000000}
work=${BENCH_DIR:-/tmp/timeline-bench}
mkdir -p "$work"
log="$work/access-$lines.log"
[ -f "$log" ] || python3 "$here/gen-access.py" "$lines" "$log"
dotnet build "$root/src/Timeline.Cli" -c Release -o "$work/cli" --nologo -v quiet >/dev/null
tl="$work/cli/timeline"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

rate() { printf '%.0f' "$(echo "$lines / $1" | bc -l)"; }
timed() { local s e; s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N); echo "$e - $s" | bc -l; }

secs=$(timed wc -l "$log")
printf 'floor wc -l:          %6.2f s = %s lines/s\n' "$secs" "$(rate "$secs")"
secs=$(timed python3 -c '
import re, sys
pat = re.compile(r"^(\S+) \S+ (\S+) \[([^\]]+)\] \"(.*?)\" (\d{3}) (\S+)(?: \"(.*?)\" \"(.*?)\")?")
n = 0
with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
    for line in f:
        if pat.match(line): n += 1
print(n)' "$log")
printf 'floor python3 regex:  %6.2f s = %s lines/s\n' "$secs" "$(rate "$secs")"

for run in 1 2; do
  rm -f "$work/web.db" "$work/web.db.lock"
  secs=$(timed "$tl" ingest "$log" --case "$work/web.db")
  printf 'timeline ingest run %d: %6.2f s = %s lines/s, case %.1f MB\n' "$run" "$secs" "$(rate "$secs")" "$(echo "$(stat -c %s "$work/web.db") / 1048576" | bc -l)"
done
