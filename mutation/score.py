#!/usr/bin/env python3
"""Summarises a Stryker mutation-report.json (mutation-testing-elements schema): counts per status and
the score = detected / (detected + undetected), where detected = Killed + Timeout and undetected =
Survived + NoCoverage (Stryker's own definition; compile errors and ignored mutants are left out)."""
import json, sys
from collections import Counter

report, area, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = json.load(open(report))
counts = Counter()
survivors = []
for path, f in data["files"].items():
    for m in f["mutants"]:
        counts[m["status"]] += 1
        if m["status"] in ("Survived", "NoCoverage"):
            loc = m["location"]["start"]
            survivors.append(f'{m["status"]:10} {path.split("/src/")[-1]}:{loc["line"]} {m["mutatorName"]}: {m.get("replacement", "")!r}')
detected = counts["Killed"] + counts["Timeout"]
undetected = counts["Survived"] + counts["NoCoverage"]
score = 100.0 * detected / (detected + undetected) if detected + undetected else 0.0
print(f"{area}: score {score:.1f} %  killed {counts['Killed']}  timeout {counts['Timeout']}  survived {counts['Survived']}  "
      f"no-coverage {counts['NoCoverage']}  compile-error {counts['CompileError']}  ignored {counts['Ignored']}  run {seconds // 60} min {seconds % 60} s")
for s in survivors:
    print("  " + s)
