#!/usr/bin/env bash
# The README's test command (CI runs it too): every test, on every runtime a shipped assembly is for.
#   1. dotnet test PingOne.Generated.sln: unit, DI, integration (emulator, CLI, Prism contract, regeneration, release), README samples
#      tests on .NET 10, and the unit tests again on a real .NET 8 runtime (PingOne.Generated.Tests.Net8, self-contained);
#   2. Mono: the netstandard2.0 build under tests/PingOne.Generated.Tests.NetFramework (net48, NUnit 3 console runner).
# Ends with a summary per runtime. Extra arguments go to dotnet test (e.g. --filter).
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT

status=0
dotnet test PingOne.Generated.sln -c Release "$@" 2>&1 | tee "$log/dotnet" || status=1

mono_summary="Mono (netstandard2.0 build): SKIPPED, mono is not installed (apt-get install mono-complete)"
if command -v mono >/dev/null; then
  project=tests/PingOne.Generated.Tests.NetFramework
  dotnet build "$project" -c Release -nologo -v:q >/dev/null
  runner=$(dotnet msbuild "$project" -t:PingOneNUnitConsole -getTargetResult:PingOneNUnitConsole | python3 -c 'import json,sys; print(json.load(sys.stdin)["TargetResults"]["PingOneNUnitConsole"]["Items"][0]["Identity"])')
  (cd "$project/bin/Release/net48" && mono "$runner" PingOne.Generated.Tests.dll --inprocess --noresult --noheader) 2>&1 | tee "$log/mono" || status=1
  mono_summary=$(python3 - "$log/mono" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
runtime = re.search(r"runtime: (Mono [\d.]+)", text)
count = re.search(r"Test Count: (\d+), Passed: (\d+), Failed: (\d+)", text)
if not count:
    print("Mono (netstandard2.0 build): NO RESULT"); sys.exit()
print(f"Mono (netstandard2.0 build): {count.group(2)} passed, {count.group(3)} failed - PingOne.Generated.Tests.dll (net48 on {runtime.group(1) if runtime else 'mono'})")
PY
)
elif [ "${CI:-}" = "true" ]; then
  status=1
  mono_summary="Mono (netstandard2.0 build): FAILED, mono is not installed (.ci/run installs mono-complete)"
fi

echo
echo "Test summary, by runtime:"
grep -E '^(Passed|Failed)! ' "$log/dotnet" | sed -E 's/^(Passed|Failed)! +- Failed: +([0-9]+), Passed: +([0-9]+),.* - ([^ ]+) \(([^)]+)\)$/  \5: \3 passed, \2 failed - \4/' \
  | sed -E 's/^  net10.0:/  .NET 10:/; s/^  net8.0:/  .NET 8 (self-contained runtime):/' | sort
echo "  $mono_summary"
exit $status
