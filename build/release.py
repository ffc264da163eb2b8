#!/usr/bin/env python3
"""Cuts a release: python3 build/release.py 1.2.0

1. checks the working tree is clean and v1.2.0 is a new, higher tag;
2. moves every src/*/PublicAPI.Unshipped.txt into PublicAPI.Shipped.txt (build/update-public-api.py --release)
   and turns CHANGELOG.md's Unreleased section into '## [1.2.0] - <today>';
3. commits that as 'Release 1.2.0' and tags it v1.2.0 (MinVer then versions every package 1.2.0);
4. packs all four packages from a clean build of the tag into artifacts/release/ (what you publish), and copies the
   two libraries' packages into build/baseline/<PackageId>/ (replacing the previous ones) in a second commit:
   package validation compares every later package with exactly what was released.

It pushes nothing: it prints the command that does.
"""
import glob, os, re, shutil, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIBRARIES = ["PingOne.Generated", "PingOne.Generated.DependencyInjection"]
PACKAGES = LIBRARIES + ["PingOne.Generated.Emulator", "PingOne.Generated.Cli"]


def run(*command, capture=False):
    print("+ " + " ".join(command), flush=True)
    result = subprocess.run(command, cwd=root, check=True, text=True, stdout=subprocess.PIPE if capture else None)
    return result.stdout if capture else None


def version_key(text):
    return tuple(int(part) for part in text.split("."))


def main(version):
    if not re.fullmatch(r"\d+\.\d+\.\d+", version):
        sys.exit("usage: python3 build/release.py X.Y.Z (a release version, no pre-release suffix)")
    if run("git", "status", "--porcelain", capture=True).strip():
        sys.exit("the working tree has changes: commit or stash them first")
    tags = [t[1:] for t in run("git", "tag", "--list", "v*", capture=True).split() if re.fullmatch(r"v\d+\.\d+\.\d+", t)]
    if tags and version_key(version) <= max(map(version_key, tags)):
        sys.exit(f"v{version} is not higher than the last release v{max(tags, key=version_key)}")

    folders = [os.path.join("src", p) for p in LIBRARIES]
    run(sys.executable, "build/update-public-api.py", "--release", *folders)
    run(sys.executable, "build/changelog.py", "release", version)
    run("git", "add", "CHANGELOG.md", *[os.path.join(f, "PublicAPI.Shipped.txt") for f in folders],
        *[os.path.join(f, "PublicAPI.Unshipped.txt") for f in folders])
    run("git", "commit", "-q", "-m", f"Release {version}")
    run("git", "tag", "-a", f"v{version}", "-m", f"PingOne.Generated {version}")

    output = os.path.join(root, "artifacts", "release")
    shutil.rmtree(output, ignore_errors=True)
    run("git", "clean", "-xdfq", "src")  # a clean build: deterministic paths whatever was built before
    for package in PACKAGES:
        project = os.path.join("src", package, package + ".csproj")
        run("dotnet", "pack", project, "-c", "Release", "-p:ContinuousIntegrationBuild=true", "-o", output)
    for package in LIBRARIES:
        baseline = os.path.join(root, "build", "baseline", package)
        shutil.rmtree(baseline, ignore_errors=True)
        os.makedirs(baseline)
        shutil.copy(os.path.join(output, f"{package}.{version}.nupkg"), baseline)
    run("git", "add", "-A", os.path.join("build", "baseline"))
    run("git", "commit", "-q", "-m", f"Package validation baseline: the released {version} packages")
    print(f"\nReleased {version}: packages in artifacts/release/. Publish them, then push: git push origin HEAD v{version}")


if __name__ == "__main__":
    main(*(sys.argv[1:] or [""]))
