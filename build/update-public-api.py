#!/usr/bin/env python3
"""Acknowledge public API changes: adds every symbol the PublicApiAnalyzers report as undeclared (RS0016)
to src/<project>/PublicAPI.Unshipped.txt and drops the lines they report as gone (RS0017).

Run it after a spec edit or an NSwag upgrade changed the public surface, then review the diff:
    python3 build/update-public-api.py                                       # src/PingOne.Generated
    python3 build/update-public-api.py src/PingOne.Generated.DependencyInjection
"""
import json, os, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
folder = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(root, "src", "PingOne.Generated")
project = os.path.join(folder, os.path.basename(folder.rstrip(os.sep)) + ".csproj")
unshipped = os.path.join(folder, "PublicAPI.Unshipped.txt")

added, removed = set(), set()
for framework in ("netstandard2.0", "net8.0", "net10.0"):
    sarif = os.path.join(tempfile.mkdtemp(), "api.sarif")
    subprocess.run(["dotnet", "build", project, "-f", framework, "--no-incremental", f"-p:ErrorLog={sarif}%2Cversion=2.1"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    for result in json.load(open(sarif))["runs"][0]["results"]:
        properties = result.get("properties", {}).get("customProperties", {})
        if result["ruleId"] == "RS0016" and "APIName" in properties:
            added.add(properties["APIName"])
        elif result["ruleId"] == "RS0017":
            removed.add(result["message"]["text"].split("'")[1])

lines = [line for line in open(unshipped).read().splitlines()[1:] if line and line not in removed]
lines = sorted(set(lines) | added, key=str.lower)
open(unshipped, "w").write("#nullable enable\n" + "".join(line + "\n" for line in lines))
print(f"{len(added)} symbols added, {len(removed)} removed; review `git diff {os.path.relpath(unshipped, root)}`")
