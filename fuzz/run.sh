#!/usr/bin/env bash
# Coverage-guided fuzzing of one harness with afl++ and SharpFuzz.
#   fuzz/run.sh list              the targets
#   fuzz/run.sh TARGET SECONDS    build Release, instrument, seed, fuzz for SECONDS, print the figures
# Findings stay in fuzz/findings/TARGET/default/{crashes,hangs,queue} (git-ignored); reproduce one with
#   dotnet fuzz/.work/publish/Timeline.Fuzz.dll TARGET < fuzz/findings/TARGET/default/crashes/id:...
# Needs: the .NET SDK, afl++ (Debian: apt-get install afl++), the local tool sharpfuzz (dotnet tool restore).
# Works as root in a container: the environment below skips afl's host checks (CPU governor,
# core_pattern) that need /proc/sys writes a container does not allow.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work="$root/fuzz/.work"
project="$root/fuzz/Timeline.Fuzz/Timeline.Fuzz.csproj"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

publish() {
  # One Release publish shared by every target; a lock keeps two concurrent runs from building at once.
  mkdir -p "$work"
  exec 9>"$work/build.lock"
  flock 9
  dotnet publish "$project" -c Release -o "$work/publish" --nologo -v quiet >"$work/publish.log" 2>&1 \
    || { cat "$work/publish.log"; echo "publish failed" >&2; exit 1; }
  flock -u 9
}

if [ "${1:-}" = "list" ]; then
  publish
  dotnet "$work/publish/Timeline.Fuzz.dll" list
  exit 0
fi
if [ $# -ne 2 ] || ! [[ "$2" =~ ^[0-9]+$ ]]; then
  echo "usage: fuzz/run.sh list | fuzz/run.sh TARGET SECONDS" >&2
  exit 64
fi
target=$1
seconds=$2
command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install afl++" >&2; exit 1; }

publish
dotnet "$work/publish/Timeline.Fuzz.dll" list | awk '{print $1}' | grep -qx "$target" \
  || { echo "unknown target '$target'; fuzz/run.sh list" >&2; exit 64; }

# Each target gets its own copy of the build: sharpfuzz rewrites assemblies in place, and an
# instrumented assembly cannot be instrumented again.
bin="$work/$target/bin"
rm -rf "$work/$target"
mkdir -p "$bin"
cp -r "$work/publish/." "$bin/"
dotnet tool restore >/dev/null
for assembly in Timeline.Core Timeline.Parsers Timeline.Detection Timeline.Query; do
  dotnet tool run sharpfuzz "$bin/$assembly.dll" >/dev/null
done

seeds="$work/$target/seeds"
dotnet "$bin/Timeline.Fuzz.dll" corpus "$target" "$root" "$seeds"

findings="$root/fuzz/findings/$target"
rm -rf "$findings"
mkdir -p "$findings"

# AFL_SKIP_BIN_CHECK: the target is `dotnet`, whose instrumentation lives in the managed assemblies.
# AFL_SKIP_CPUFREQ / AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES: host checks a container cannot pass.
# AFL_NO_AFFINITY: the machine is shared; do not pin a core. -t: .NET start-up and JIT of a first
# input take seconds; -m none: the CLR reserves far more virtual memory than afl's default limit.
# DOTNET_PROCESSOR_COUNT=1: one fuzzer per core; the EVTX reader's chunk workers would otherwise
# compete with the other run on a shared machine.
export DOTNET_PROCESSOR_COUNT=1
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
  AFL_NO_AFFINITY=1 AFL_NO_UI=1 AFL_AUTORESUME=0 AFL_FORKSRV_INIT_TMOUT=60000
started=$(date -u +%Y-%m-%dT%H:%MZ)
afl-fuzz -i "$seeds" -o "$findings" -t "${FUZZ_TIMEOUT_MS:-5000}" -m none -V "$seconds" \
  -- dotnet "$bin/Timeline.Fuzz.dll" "$target" >"$findings/afl.log" 2>&1 || {
  tail -40 "$findings/afl.log"; echo "afl-fuzz failed" >&2; exit 1; }

stats="$findings/default/fuzzer_stats"
stat() { awk -F' *: *' -v k="$1" '$1 == k {print $2}' "$stats"; }
crashes=$(find "$findings/default/crashes" -type f -name 'id:*' | wc -l)
hangs=$(find "$findings/default/hangs" -type f -name 'id:*' | wc -l)
printf 'target=%s seconds=%s started=%s execs=%s paths=%s crashes=%s hangs=%s execs_per_sec=%s\n' \
  "$target" "$(stat run_time)" "$started" "$(stat execs_done)" "$(stat corpus_count)" "$crashes" "$hangs" "$(stat execs_per_sec)" \
  | tee "$findings/summary.txt"
