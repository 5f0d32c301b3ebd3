#!/usr/bin/env bash
# Runs bench scripts on an earlier commit and on the working tree in the same session, alternating,
# so a change is judged against its own floor under the same machine load.
# Usage: bench/before-after.sh REF SCRIPT [SCRIPT...]   e.g. bench/before-after.sh 3db315c ingest.sh chain.sh
# Each script runs from a git worktree of REF (in $BENCH_DIR/before-src) and from this checkout, with
# separate work folders ($BENCH_DIR/before, $BENCH_DIR/after) that share the generated input.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
ref=${1:?usage: bench/before-after.sh REF SCRIPT...}; shift
base=${BENCH_DIR:-/tmp/timeline-bench}
before_src="$base/before-src"
if [ ! -d "$before_src" ] || [ "$(git -C "$before_src" rev-parse HEAD 2>/dev/null)" != "$(git -C "$root" rev-parse "$ref")" ]; then
  git -C "$root" worktree remove --force "$before_src" 2>/dev/null || rm -rf "$before_src"
  git -C "$root" worktree add --detach "$before_src" "$ref" >/dev/null
fi
mkdir -p "$base/before" "$base/after"
for s in "$@"; do
  for side in before after; do
    src=$root; [ "$side" = before ] && src=$before_src
    # The generated logs are identical for both sides: link them instead of generating twice.
    for f in "$base"/before/auth-*.log "$base"/after/auth-*.log; do
      [ -f "$f" ] && for d in before after; do [ -e "$base/$d/$(basename "$f")" ] || ln "$f" "$base/$d/$(basename "$f")"; done
    done
    dirty=""; [ "$side" = after ] && ! git -C "$src" diff --quiet && dirty="+uncommitted changes"
    echo "== $s ($side: $(git -C "$src" rev-parse --short HEAD)$dirty)"
    BENCH_DIR="$base/$side" bash "$src/bench/$s"
  done
done
