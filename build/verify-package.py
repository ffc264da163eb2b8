#!/usr/bin/env python3
"""Opens the packed PingOne.Generated .nupkg/.snupkg, the PingOne.Generated.Cli tool package and the
PingOne.Generated.Emulator package and checks what a consuming team gets. Python's zipfile, not
`unzip | grep -q`: CI machines need not have unzip, and under `set -o pipefail` grep -q closing the pipe
early makes the whole check fail at random (SIGPIPE).
Usage: python3 build/verify-package.py <folder with the packages>"""
import glob, sys, zipfile, xml.etree.ElementTree as ET

def read_nuspec(package):
    """The package's .nuspec and its XML namespace, for find()/findall()."""
    nuspec = ET.fromstring(package.read(next(n for n in package.namelist() if n.endswith(".nuspec"))))
    return nuspec, {"n": nuspec.tag.split("}")[0].strip("{")}

folder = sys.argv[1]
problems = []
frameworks = ["netstandard2.0", "net8.0", "net10.0"]
nupkg = [p for p in glob.glob(f"{folder}/PingOne.Generated.[0-9]*.nupkg") if not p.endswith(".snupkg")]
snupkg = glob.glob(f"{folder}/PingOne.Generated.[0-9]*.snupkg")
if len(nupkg) != 1 or len(snupkg) != 1:
    sys.exit(f"expected one PingOne.Generated .nupkg and one .snupkg in {folder}, found {nupkg + snupkg}")

with zipfile.ZipFile(nupkg[0]) as package:
    names = package.namelist()
    for tfm in frameworks:
        for entry in (f"lib/{tfm}/PingOne.Generated.dll", f"lib/{tfm}/PingOne.Generated.xml"):
            if entry not in names:
                problems.append(f"missing {entry}")
    if "README.md" not in names:
        problems.append("missing README.md")
    strays = [n for n in names if n.endswith(".dll") and not n.endswith("/PingOne.Generated.dll")]
    if strays:
        problems.append(f"assemblies other than the library: {strays}")
    nuspec, ns = read_nuspec(package)
    metadata = nuspec.find("n:metadata", ns)
    if metadata.findtext("n:license", namespaces=ns) != "MIT":
        problems.append("license expression is not MIT")
    if metadata.findtext("n:readme", namespaces=ns) != "README.md":
        problems.append("package readme is not set")
    if metadata.find("n:repository", ns) is None or metadata.find("n:repository", ns).get("type") != "git":
        problems.append("repository metadata is missing")
    groups = metadata.findall("n:dependencies/n:group", ns)
    declared = {g.get("targetFramework"): sorted(d.get("id") for d in g.findall("n:dependency", ns)) for g in groups}
    expected = {"Newtonsoft.Json", "libphonenumber-csharp", "Microsoft.Kiota.Abstractions", "Microsoft.Extensions.Http",
                "Microsoft.Extensions.Options.ConfigurationExtensions", "Microsoft.Extensions.Logging.Abstractions"}
    for tfm, ids in declared.items():
        if "NSwag.MSBuild" in ids or any(i.startswith("Microsoft.CodeAnalysis") for i in ids):
            problems.append(f"{tfm}: a build-time package leaks into the dependencies: {ids}")
        missing = expected - set(ids)
        if missing:
            problems.append(f"{tfm}: missing dependencies {sorted(missing)}")
    if len(declared) != 3:
        problems.append(f"dependency groups for {sorted(declared)}, expected three frameworks")

with zipfile.ZipFile(snupkg[0]) as symbols:
    for tfm in frameworks:
        if f"lib/{tfm}/PingOne.Generated.pdb" not in symbols.namelist():
            problems.append(f"symbols package lacks lib/{tfm}/PingOne.Generated.pdb")

# The CLI ships as a .NET tool (`dotnet tool install PingOne.Generated.Cli`), so the tool layout must be there.
tool = glob.glob(f"{folder}/PingOne.Generated.Cli.[0-9]*.nupkg")
if len(tool) != 1:
    problems.append(f"expected one PingOne.Generated.Cli .nupkg in {folder}, found {tool}")
else:
    with zipfile.ZipFile(tool[0]) as package:
        names = package.namelist()
        for entry in ("tools/net10.0/any/pingone-voice.dll", "tools/net10.0/any/DotnetToolSettings.xml", "README.md"):
            if entry not in names:
                problems.append(f"the CLI package is not a complete .NET tool: missing {entry}")
        nuspec, ns = read_nuspec(package)
        types = [t.get("name") for t in nuspec.findall("n:metadata/n:packageTypes/n:packageType", ns)]
        if "DotnetTool" not in types:
            problems.append(f"the CLI package type is {types}, not DotnetTool")

# The emulator ships as a library for other teams' integration tests (PingOneEmulator.StartAsync in-process).
emulator = glob.glob(f"{folder}/PingOne.Generated.Emulator.[0-9]*.nupkg")
if len(emulator) != 1:
    problems.append(f"expected one PingOne.Generated.Emulator .nupkg in {folder}, found {emulator}")
else:
    with zipfile.ZipFile(emulator[0]) as package:
        names = package.namelist()
        for entry in ("lib/net10.0/PingOne.Generated.Emulator.dll", "lib/net10.0/PingOne.Generated.Emulator.xml", "README.md"):
            if entry not in names:
                problems.append(f"the emulator package lacks {entry}")
        nuspec, ns = read_nuspec(package)
        metadata = nuspec.find("n:metadata", ns)
        if metadata.findtext("n:license", namespaces=ns) != "MIT":
            problems.append("the emulator package's license expression is not MIT")
        if metadata.findtext("n:readme", namespaces=ns) != "README.md":
            problems.append("the emulator package's readme is not set")

if problems:
    sys.exit("package check failed:\n  " + "\n  ".join(problems))
print(f"package check passed: {nupkg[0]} ({', '.join(frameworks)}), {snupkg[0]}, {tool[0]} (.NET tool), {emulator[0]} (emulator)")
