#!/usr/bin/env python3
"""Acknowledge public API changes: adds every symbol the PublicApiAnalyzers report as undeclared (RS0016)
to src/<project>/PublicAPI.Unshipped.txt, drops the unshipped lines they report as gone (RS0017) and marks
gone *shipped* symbols `*REMOVED*` (a breaking change: the build then fails unless the major version moved).

Run it after a spec edit or an NSwag upgrade changed the public surface (the build error prints this command),
then review the diff and add a line to CHANGELOG.md under '## [Unreleased]':
    python3 build/update-public-api.py                                       # src/PingOne.Generated
    python3 build/update-public-api.py src/PingOne.Generated.DependencyInjection -c Release

One incremental build of the project (all its target frameworks in one invocation): every compile writes the
analyzers' findings to obj/<configuration>/<tfm>/public-api.sarif (src/Directory.Build.targets), and this
script reads them. A build that just failed on RS0016 is reused: NSwag does not run again.

    python3 build/update-public-api.py --release [project...]   # the release step (build/release.py calls it):
                                                                 # moves Unshipped into Shipped, no build
"""
import argparse, glob, json, os, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEADER = "#nullable enable"
REMOVED = "*REMOVED*"


def read_lines(path):
    return [line for line in open(path).read().splitlines() if line and line != HEADER]


def write_lines(path, lines):
    with open(path, "w") as f:
        f.write(HEADER + "\n" + "".join(line + "\n" for line in sorted(set(lines), key=str.lower)))


def project_folders(arguments):
    if arguments:
        return [os.path.abspath(a) for a in arguments]
    return [os.path.join(root, "src", "PingOne.Generated")]


def release(folder):
    """Moves every unshipped line into PublicAPI.Shipped.txt; `*REMOVED*X` lines delete X from it."""
    shipped_path, unshipped_path = (os.path.join(folder, f"PublicAPI.{kind}.txt") for kind in ("Shipped", "Unshipped"))
    unshipped = read_lines(unshipped_path)
    removed = {line[len(REMOVED):] for line in unshipped if line.startswith(REMOVED)}
    shipped = [line for line in read_lines(shipped_path) if line not in removed]
    shipped += [line for line in unshipped if not line.startswith(REMOVED)]
    write_lines(shipped_path, shipped)
    write_lines(unshipped_path, [])
    print(f"{os.path.relpath(folder, root)}: {len(unshipped) - len(removed)} symbols shipped, {len(removed)} removed")


def acknowledge(folder, configuration):
    project = os.path.join(folder, os.path.basename(folder.rstrip(os.sep)) + ".csproj")
    build = subprocess.run(["dotnet", "build", project, "-c", configuration, "-nologo", "-v:q"],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False)
    logs = glob.glob(os.path.join(folder, "obj", configuration, "*", "public-api.sarif"))
    if not logs:
        sys.exit(f"no public-api.sarif under {folder}/obj/{configuration}: did the build reach the compiler?\n{build.stdout}")
    added, gone = set(), set()
    for log in logs:
        for result in json.load(open(log))["runs"][0]["results"]:
            properties = result.get("properties", {}).get("customProperties", {})
            if result["ruleId"] == "RS0016" and "APIName" in properties:
                added.add(properties["APIName"])
            elif result["ruleId"] == "RS0017":
                gone.add(result["message"]["text"].split("'")[1])
    shipped_path, unshipped_path = (os.path.join(folder, f"PublicAPI.{kind}.txt") for kind in ("Shipped", "Unshipped"))
    shipped = set(read_lines(shipped_path))
    unshipped = [line for line in read_lines(unshipped_path) if line not in gone]
    breaking = sorted(symbol for symbol in gone if symbol in shipped)
    unshipped += [REMOVED + symbol for symbol in breaking] + sorted(added)
    write_lines(unshipped_path, unshipped)
    relative = os.path.relpath(unshipped_path, root)
    print(f"{relative}: {len(added)} symbols added, {len(gone) - len(breaking)} unshipped removed, {len(breaking)} shipped marked {REMOVED}")
    if breaking:
        print("BREAKING: released symbols are gone; the build fails until the major version moves (README, 'Versions and releases'):")
        for symbol in breaking:
            print(f"  {symbol}")
    other_errors = [line for line in build.stdout.splitlines() if ": error " in line and " RS00" not in line and "PINGONEAPI" not in line]
    if other_errors:
        print("the build also failed for other reasons:\n  " + "\n  ".join(sorted(set(other_errors))))
    print(f"review `git diff {relative}` and add a line under '## [Unreleased]' in CHANGELOG.md")


parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
parser.add_argument("projects", nargs="*", help="project folders (default: src/PingOne.Generated)")
parser.add_argument("-c", "--configuration", default="Debug")
parser.add_argument("--release", action="store_true", help="move PublicAPI.Unshipped.txt into PublicAPI.Shipped.txt")
options = parser.parse_args()
for folder in project_folders(options.projects):
    release(folder) if options.release else acknowledge(folder, options.configuration)
