#!/usr/bin/env bash
# Start-up of the INSTALLED pingone-voice tool, as a user gets it: installs PingOne.Generated.Cli from each folder of
# packages given (e.g. the output of `dotnet pack src/PingOne.Generated.Cli -c Release -o <folder>`) into a tool path of
# its own (with a NuGet cache of its own, so no earlier install stands in), then times whole processes with
# /usr/bin/time: `create --emulator` and `normalize` (one line on stdin). The folders' runs are interleaved (A B A B …),
# so a shared machine's load falls on both alike. Prints the median of the runs (5 unless RUNS says otherwise): wall
# seconds, CPU seconds (user + system) and peak memory. Figures: docs/benchmarks.md, "Start-up of the installed tool".
# Usage: bash build/measure-startup.sh <packages folder> [<packages folder> …]
set -euo pipefail
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo '+1 512 555 1234' > "$work/stdin"

folders=("$@")
tools=()
for folder in "$@"; do
  n=${#tools[@]}
  NUGET_PACKAGES="$work/nuget-$n" dotnet tool install --tool-path "$work/tool-$n" --prerelease --add-source "$folder" PingOne.Generated.Cli >/dev/null
  tools+=("$work/tool-$n/pingone-voice")
  "$work/tool-$n/pingone-voice" --help >/dev/null   # first run: disk cache
done

measure() { # name, arguments...
  local name=$1; shift
  for ((r = 0; r < runs; r++)); do
    for n in "${!tools[@]}"; do
      /usr/bin/time -f "%e %U %S %M" -o "$work/time" "${tools[$n]}" "$@" <"$work/stdin" >/dev/null 2>&1
      echo "$n $(cat "$work/time")" >>"$work/$name"
    done
  done
  for n in "${!tools[@]}"; do
    python3 - "$work/$name" "$n" "$name" "${folders[$n]}" <<'PY'
import statistics, sys
path, n, name, folder = sys.argv[1:5]
rows = [line.split() for line in open(path) if line.split()[0] == n]
wall = [float(r[1]) for r in rows]; cpu = [float(r[2]) + float(r[3]) for r in rows]; rss = [int(r[4]) for r in rows]
print(f"{name:<20} {folder:<40} wall median {statistics.median(wall):.2f} s (runs {' '.join(f'{w:.2f}' for w in wall)}), "
      f"CPU median {statistics.median(cpu):.2f} s, peak memory median {statistics.median(rss) / 1024:.0f} MB")
PY
  done
}

measure "create --emulator" create --emulator --phone "+1 (512) 555-1234" --extension "313#"
measure "normalize" normalize
