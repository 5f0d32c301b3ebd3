# Shared set-up of the bench scripts (sourced, not run): paths, the generated auth.log and the
# Release CLI. After `bench_setup LINES`: $here $root $lines $work $log and $tl (the CLI binary).
# BENCH_DIR chooses the work folder (default /tmp/timeline-bench).
bench_setup() {
  here=$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)
  root=$(dirname "$here")
  lines=${1:-1000000}
  work=${BENCH_DIR:-/tmp/timeline-bench}
  mkdir -p "$work"
  log="$work/auth-$lines.log"
  [ -f "$log" ] || python3 "$here/gen-authlog.py" "$lines" "$log"
  # The generator writes year-less lines; a fixed mtime makes the inferred year reproducible.
  touch -d "2024-12-31 23:00:00" "$log"
  dotnet build "$root/src/Timeline.Cli" -c Release -o "$work/cli" --nologo -v quiet >/dev/null
  tl="$work/cli/timeline"
}
