#!/usr/bin/env bash
# Binary journal benchmark (issue 13): an export stream of N entries (bench/gen-journal-export.py: sshd
# brute force, logins, sudo, CRON, a miner's stdout, systemd messages, with journald 252's field sets)
# turned into binary journal files by systemd-journal-remote 252 (compact, zstd; it rotates when its data
# hash table fills, so 300,000 entries make two files, as journald would). Then, in the same run:
#  (a) journalctl --file 'F*' -o export > /dev/null   (the reference reader, both files interleaved)
#  (b) our parser alone: bench/Timeline.Bench.Journal (Release; every entry read and built into an event
#      with every field, nothing stored; best of BENCH_PASSES passes after a warm-up, with its CPU time)
#  (c) a full `timeline ingest` of the files into a fresh case (Release CLI)
# Target: (b) >= 300,000 entries/s on 2 cores. The machine is shared: CPU time is the steadier figure.
# Usage: bench/journal.sh [ENTRIES]   (default 300000; needs systemd-journal-remote and systemd)
set -euo pipefail
source "$(dirname "$0")/common.sh"
entries=${1:-300000}
bench_setup 1
command -v journalctl >/dev/null || { echo "journalctl missing: apt-get install systemd"; exit 1; }
[ -x /lib/systemd/systemd-journal-remote ] || { echo "systemd-journal-remote missing: apt-get install systemd-journal-remote"; exit 1; }
jdir="$work/journal-$entries"
if [ ! -f "$jdir/done" ]; then
  rm -rf "$jdir" && mkdir -p "$jdir"
  python3 "$here/gen-journal-export.py" "$entries" "$jdir/stream.export"
  /lib/systemd/systemd-journal-remote -o "$jdir/system.journal" - < "$jdir/stream.export" 2>/dev/null
  rm -f "$jdir/stream.export"
  touch "$jdir/done"
fi
files=("$jdir"/*.journal)
mb=$(du -cm "${files[@]}" | tail -1 | cut -f1)
echo "journal: $entries entries in ${#files[@]} files, $mb MB (systemd-journal-remote $(journalctl --version | head -1 | cut -d' ' -f2))"

TIMEFORMAT='%R %U %S'
ref=$( { time journalctl --file "$jdir/*.journal" -o export > /dev/null; } 2>&1 )
read -r wall user sys <<< "$ref"
printf 'journalctl --file F -o export > /dev/null: %.2f s = %.0f entries/s; CPU %.2f s\n' "$wall" "$(echo "$entries / $wall" | bc -l)" "$(echo "$user + $sys" | bc -l)"

dotnet build "$here/Timeline.Bench.Journal" -c Release -o "$work/bench-journal" --nologo -v quiet >/dev/null
dotnet "$work/bench-journal/Timeline.Bench.Journal.dll" "${files[@]}"

rm -f "$work/journal.db" "$work/journal.db.lock"
ing=$( { time "$tl" ingest "${files[@]}" --case "$work/journal.db" > "$work/journal.out"; } 2>&1 )
read -r wall user sys <<< "$ing"
printf 'timeline ingest (fresh case): %.2f s = %.0f entries/s; CPU %.2f s\n' "$wall" "$(echo "$entries / $wall" | bc -l)" "$(echo "$user + $sys" | bc -l)"
tail -n 1 "$work/journal.out"
uptime
