#!/usr/bin/env bash
# Mutation testing with Stryker.NET (a local dotnet tool, .config/dotnet-tools.json) over the areas
# issue 10 names. Not part of CI: one area takes minutes to tens of minutes on two cores.
#
#   mutation/run.sh                 # every area, one after the other
#   mutation/run.sh sigma-matching  # one area: sigma-matching | year-inference | entry-ranking
#
# Each area is one config file beside this script (the --mutate globs, the test filter and perTest
# coverage analysis, so a mutant only runs the tests that reach it). Reports go to
# mutation/out/AREA/ (html + json, git-ignored); the score and counts are printed at the end.
# Record new figures in mutation/README.md when an area's code or tests change.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
areas=(sigma-matching year-inference entry-ranking)
if [ $# -gt 0 ]; then areas=("$@"); fi

cd "$root"
dotnet tool restore >/dev/null
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The shared data beside the checkout; a copy elsewhere can be named with TIMELINE_SHARED_DATA.
if [ -z "${TIMELINE_SHARED_DATA:-}" ] && [ -d "$root/../shared/data" ]; then export TIMELINE_SHARED_DATA="$root/../shared/data"; fi

for area in "${areas[@]}"; do
  config="$here/$area.json"
  [ -f "$config" ] || { echo "unknown area '$area' (have: sigma-matching year-inference entry-ranking)" >&2; exit 2; }
  out="$here/out/$area"
  rm -rf "$out"; mkdir -p "$out"
  echo "== $area (config $config)"
  start=$(date +%s)
  # Stryker runs from the test project; the config's "project" names the referenced project to mutate.
  (cd "$root/tests/Timeline.Tests" && dotnet stryker --config-file "$config" --output "$out" --concurrency "${STRYKER_CONCURRENCY:-2}") | tee "$out/stryker.log"
  end=$(date +%s)
  report=$(find "$out" -name 'mutation-report.json' | head -n 1)
  python3 "$here/score.py" "$report" "$area" $((end - start)) | tee "$out/score.txt"
done
