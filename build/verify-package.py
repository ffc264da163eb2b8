#!/usr/bin/env python3
"""Opens the packed PingOne.Generated and PingOne.Generated.DependencyInjection .nupkg/.snupkg, the
PingOne.Generated.Cli tool package and the PingOne.Generated.Emulator package and checks what a consuming
team gets. Python's zipfile, not `unzip | grep -q`: CI machines need not have unzip, and under
`set -o pipefail` grep -q closing the pipe early makes the whole check fail at random (SIGPIPE).
Usage: python3 build/verify-package.py <folder with the packages>"""
import glob, os, subprocess, sys, uuid, zipfile, xml.etree.ElementTree as ET

def read_nuspec(package):
    """The package's .nuspec and its XML namespace, for find()/findall()."""
    nuspec = ET.fromstring(package.read(next(n for n in package.namelist() if n.endswith(".nuspec"))))
    return nuspec, {"n": nuspec.tag.split("}")[0].strip("{")}

folder = sys.argv[1]
problems = []
notes = []
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def git(*arguments):
    result = subprocess.run(["git", "-C", root, *arguments], capture_output=True, text=True)
    return result.stdout.strip() if result.returncode == 0 else ""


# Source Link needs a hosted repository to point at; a clone of a local folder or a repository without remotes has none.
remote = git("remote", "get-url", "origin") or next(iter(git("remote").split()), "")
remote = git("remote", "get-url", remote) if remote and "/" not in remote and ":" not in remote else remote
hosted = remote.startswith(("https://", "http://", "git@", "ssh://"))
if not hosted:
    notes.append(f"Source Link not checked: the repository has no hosted remote ({remote or 'no remote at all'}), so the "
                 "PDBs cannot point at source URLs; the generated client is checked as embedded source instead")
# Each package ships its own short README (src/<project>/README.md), not the repository's front door.
README_OF = {"PingOne.Generated": "src/PingOne.Generated/README.md",
             "PingOne.Generated.DependencyInjection": "src/PingOne.Generated.DependencyInjection/README.md",
             "PingOne.Generated.Emulator": "src/PingOne.Generated.Emulator/README.md",
             "PingOne.Generated.Cli": "src/PingOne.Generated.Cli/README.md"}


def check_readme(package_id, package):
    """The package's README.md is its project's own README, byte for byte."""
    if "README.md" not in package.namelist():
        problems.append(f"{package_id}: missing README.md")
        return
    with open(os.path.join(root, README_OF[package_id]), "rb") as own:
        if package.read("README.md") != own.read():
            problems.append(f"{package_id}: its README.md is not {README_OF[package_id]}")


def is_ready_to_run(image):
    """Whether a .NET assembly carries ReadyToRun (precompiled) code: its CLI header's ManagedNativeHeader is set."""
    pe = int.from_bytes(image[0x3C:0x40], "little")
    optional = pe + 24
    directories = optional + (96 if image[optional:optional + 2] == b"\x0b\x01" else 112)
    cli_rva = int.from_bytes(image[directories + 14 * 8:directories + 14 * 8 + 4], "little")
    sections = optional + int.from_bytes(image[pe + 20:pe + 22], "little")
    for i in range(int.from_bytes(image[pe + 6:pe + 8], "little")):
        section = sections + 40 * i
        virtual_size, virtual_address = (int.from_bytes(image[section + o:section + o + 4], "little") for o in (8, 12))
        raw = int.from_bytes(image[section + 20:section + 24], "little")
        if virtual_address <= cli_rva < virtual_address + virtual_size:
            header = raw + cli_rva - virtual_address
            return int.from_bytes(image[header + 64:header + 68], "little") != 0
    return False


# Portable PDB custom debug information kinds (System.Reflection.Metadata's well-known GUIDs), as stored in the #GUID heap.
SOURCE_LINK = uuid.UUID("CC110556-A091-4D38-9FEC-25AB9A351A6A").bytes_le
EMBEDDED_SOURCE = uuid.UUID("0E8A571B-6926-466E-B4AD-8AB04611F5FE").bytes_le


def check_pdb(package_id, tfm, pdb):
    """Deterministic paths (/_/ instead of the build machine's folders), the generated client embedded as source,
    and Source Link when there is a hosted remote to point at."""
    # Document names are stored as '/'-separated parts in the blob heap, each part length-prefixed: a
    # ContinuousIntegrationBuild maps the checkout to /_/, which leaves the one-character part "_".
    if b"\x01_" not in pdb:
        problems.append(f"{package_id} {tfm}: the PDB's source paths are not mapped to /_/: not a ContinuousIntegrationBuild")
    if package_id == "PingOne.Generated" and (EMBEDDED_SOURCE not in pdb or b"PingOneMfaRestClient.g.cs" not in pdb):
        problems.append(f"{package_id} {tfm}: the generated client PingOneMfaRestClient.g.cs is not embedded in the PDB")
    if hosted and (SOURCE_LINK not in pdb or b'{"documents":' not in pdb):
        problems.append(f"{package_id} {tfm}: no Source Link in the PDB although the repository has the remote {remote}")
frameworks = ["netstandard2.0", "net8.0", "net10.0"]

def check_library(package_id, required, forbidden=frozenset(), exact=False):
    """Checks one library package and its symbols: assemblies and docs for every framework, the README, license and
    repository metadata, and the dependencies (the `required` ones on every framework, exactly those when `exact`,
    none of the `forbidden`). Returns the package's path, version and declared dependencies, or None when it is absent."""
    nupkg = [p for p in glob.glob(f"{folder}/{package_id}.[0-9]*.nupkg") if not p.endswith(".snupkg")]
    snupkg = glob.glob(f"{folder}/{package_id}.[0-9]*.snupkg")
    if len(nupkg) != 1 or len(snupkg) != 1:
        problems.append(f"expected one {package_id} .nupkg and one .snupkg in {folder}, found {nupkg + snupkg}")
        return None
    with zipfile.ZipFile(nupkg[0]) as package:
        names = package.namelist()
        for tfm in frameworks:
            for entry in (f"lib/{tfm}/{package_id}.dll", f"lib/{tfm}/{package_id}.xml"):
                if entry not in names:
                    problems.append(f"{package_id}: missing {entry}")
        check_readme(package_id, package)
        strays = [n for n in names if n.endswith(".dll") and not n.endswith(f"/{package_id}.dll")]
        if strays:
            problems.append(f"{package_id}: assemblies other than the library: {strays}")
        nuspec, ns = read_nuspec(package)
        metadata = nuspec.find("n:metadata", ns)
        if metadata.findtext("n:license", namespaces=ns) != "MIT":
            problems.append(f"{package_id}: license expression is not MIT")
        if metadata.findtext("n:readme", namespaces=ns) != "README.md":
            problems.append(f"{package_id}: package readme is not set")
        if metadata.find("n:repository", ns) is None or metadata.find("n:repository", ns).get("type") != "git":
            problems.append(f"{package_id}: repository metadata is missing")
        version = metadata.findtext("n:version", namespaces=ns)
        repository = metadata.find("n:repository", ns)
        if hosted and repository is not None and repository.get("commit") != git("rev-parse", "HEAD"):
            problems.append(f"{package_id}: repository commit {repository.get('commit')} is not HEAD {git('rev-parse', 'HEAD')}")
        groups = metadata.findall("n:dependencies/n:group", ns)
        declared = {g.get("targetFramework"): {d.get("id"): d.get("version") for d in g.findall("n:dependency", ns)} for g in groups}
        for tfm, dependencies in declared.items():
            ids = set(dependencies)
            if "NSwag.MSBuild" in ids or any(i.startswith("Microsoft.CodeAnalysis") for i in ids):
                problems.append(f"{package_id} {tfm}: a build-time package leaks into the dependencies: {sorted(ids)}")
            if required - ids:
                problems.append(f"{package_id} {tfm}: missing dependencies {sorted(required - ids)}")
            if ids & forbidden:
                problems.append(f"{package_id} {tfm}: must not depend on {sorted(ids & forbidden)}")
            if exact and ids - required:
                problems.append(f"{package_id} {tfm}: unexpected dependencies {sorted(ids - required)}")
        if len(declared) != 3:
            problems.append(f"{package_id}: dependency groups for {sorted(declared)}, expected three frameworks")
    with zipfile.ZipFile(snupkg[0]) as symbols:
        for tfm in frameworks:
            if f"lib/{tfm}/{package_id}.pdb" not in symbols.namelist():
                problems.append(f"{package_id}: symbols package lacks lib/{tfm}/{package_id}.pdb")
            else:
                check_pdb(package_id, tfm, symbols.read(f"lib/{tfm}/{package_id}.pdb"))
    return nupkg[0], version, declared

# Dependency injection lives in its own package: the core must not pull IHttpClientFactory or configuration binding.
di_only = {"Microsoft.Extensions.Http", "Microsoft.Extensions.Options.ConfigurationExtensions"}
core = check_library("PingOne.Generated",
                     required={"Newtonsoft.Json", "libphonenumber-csharp", "Microsoft.Kiota.Abstractions", "Polly.Core",
                               "Microsoft.Extensions.Logging.Abstractions"},
                     forbidden=di_only)
di = check_library("PingOne.Generated.DependencyInjection", required={"PingOne.Generated"} | di_only, exact=True)
if core and di:
    for tfm, dependencies in di[2].items():
        if dependencies.get("PingOne.Generated") not in (core[1], f"[{core[1]}]"):
            problems.append(f"PingOne.Generated.DependencyInjection {tfm}: depends on PingOne.Generated "
                            f"{dependencies.get('PingOne.Generated')}, not the version packed beside it ({core[1]})")

# The CLI ships as a .NET tool (`dotnet tool install PingOne.Generated.Cli`) packed per runtime: a small pointer package
# naming one package per runtime identifier, each ReadyToRun-compiled so the installed tool starts fast, and `any`,
# the portable fallback that `dotnet tool install` takes on every other platform.
TOOL_RIDS = ["linux-x64", "linux-arm64", "osx-arm64", "win-x64", "any"]
tool = glob.glob(f"{folder}/PingOne.Generated.Cli.[0-9]*.nupkg")
if len(tool) != 1:
    problems.append(f"expected one PingOne.Generated.Cli .nupkg in {folder}, found {tool}")
else:
    with zipfile.ZipFile(tool[0]) as package:
        check_readme("PingOne.Generated.Cli", package)
        nuspec, ns = read_nuspec(package)
        types = [t.get("name") for t in nuspec.findall("n:metadata/n:packageTypes/n:packageType", ns)]
        if "DotnetTool" not in types:
            problems.append(f"the CLI package type is {types}, not DotnetTool")
        tool_version = nuspec.findtext("n:metadata/n:version", namespaces=ns)
        settings = ET.fromstring(package.read("tools/any/any/DotnetToolSettings.xml")) if "tools/any/any/DotnetToolSettings.xml" in package.namelist() else None
        listed = {p.get("RuntimeIdentifier"): p.get("Id") for p in settings.iter("RuntimeIdentifierPackage")} if settings is not None else {}
        if listed != {rid: f"PingOne.Generated.Cli.{rid}" for rid in TOOL_RIDS}:
            problems.append(f"the CLI pointer package names the runtime packages {listed}, expected one per {TOOL_RIDS}")
    for rid in TOOL_RIDS:
        path = f"{folder}/PingOne.Generated.Cli.{rid}.{tool_version}.nupkg"
        if not os.path.exists(path):
            problems.append(f"the CLI package for {rid} is missing: {path}")
            continue
        with zipfile.ZipFile(path) as package:
            names = package.namelist()
            for entry in (f"tools/net10.0/{rid}/pingone-voice.dll", f"tools/net10.0/{rid}/DotnetToolSettings.xml", "README.md"):
                if entry not in names:
                    problems.append(f"the CLI package for {rid} is not a complete .NET tool: missing {entry}")
            check_readme("PingOne.Generated.Cli", package)
            nuspec, ns = read_nuspec(package)
            types = [t.get("name") for t in nuspec.findall("n:metadata/n:packageTypes/n:packageType", ns)]
            if types != ["DotnetToolRidPackage"]:
                problems.append(f"the CLI package for {rid} has the type {types}, not DotnetToolRidPackage")
            dll = f"tools/net10.0/{rid}/pingone-voice.dll"
            if dll in names and is_ready_to_run(package.read(dll)) != (rid != "any"):
                problems.append(f"the CLI package for {rid}: pingone-voice.dll is {'' if rid == 'any' else 'not '}ReadyToRun-compiled")
            library = f"tools/net10.0/{rid}/PingOne.Generated.dll"
            if rid != "any" and library in names and not is_ready_to_run(package.read(library)):
                problems.append(f"the CLI package for {rid}: PingOne.Generated.dll is not ReadyToRun-compiled")

# The emulator ships as a library for other teams' integration tests (PingOneEmulator.StartAsync in-process).
emulator = glob.glob(f"{folder}/PingOne.Generated.Emulator.[0-9]*.nupkg")
if len(emulator) != 1:
    problems.append(f"expected one PingOne.Generated.Emulator .nupkg in {folder}, found {emulator}")
else:
    with zipfile.ZipFile(emulator[0]) as package:
        names = package.namelist()
        for entry in ("lib/net10.0/PingOne.Generated.Emulator.dll", "lib/net10.0/PingOne.Generated.Emulator.xml"):
            if entry not in names:
                problems.append(f"the emulator package lacks {entry}")
        check_readme("PingOne.Generated.Emulator", package)
        nuspec, ns = read_nuspec(package)
        metadata = nuspec.find("n:metadata", ns)
        if metadata.findtext("n:license", namespaces=ns) != "MIT":
            problems.append("the emulator package's license expression is not MIT")
        if metadata.findtext("n:readme", namespaces=ns) != "README.md":
            problems.append("the emulator package's readme is not set")

for note in notes:
    print("note: " + note)
if problems:
    sys.exit("package check failed:\n  " + "\n  ".join(problems))
print(f"package check passed: {core[0]}, {di[0]} ({', '.join(frameworks)}, with symbols), {tool[0]} (.NET tool: {', '.join(TOOL_RIDS)}), {emulator[0]} (emulator)")
