#!/usr/bin/env python3
"""Keeps CHANGELOG.md honest about the public API.

CHANGELOG.md's '## [Unreleased]' section carries a fingerprint line written by this script:
    <!-- public-api: api=<hash of every src/*/PublicAPI.Unshipped.txt> notes=<hash of the section's text> -->

    python3 build/changelog.py check   # fails when PublicAPI.Unshipped.txt changed since the fingerprint was written
    python3 build/changelog.py stamp   # after writing the entry: records the new fingerprint; refuses when the API
                                       # changed but the Unreleased section did not
    python3 build/changelog.py release 1.2.0   # (build/release.py) Unreleased becomes '## [1.2.0] - <date>'

The rule needs nothing but the files: it holds on a clean clone, a shallow one, and one without tags.
"""
import datetime, glob, hashlib, os, re, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
changelog_path = os.path.join(root, "CHANGELOG.md")
STAMP = re.compile(r"^<!-- public-api: api=(\w+) notes=(\w+) -->\n", re.M)
UNRELEASED = "## [Unreleased]\n"


def digest(text):
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def api_fingerprint():
    files = sorted(glob.glob(os.path.join(root, "src", "*", "PublicAPI.Unshipped.txt")))
    return digest("".join(os.path.relpath(f, root) + "\n" + open(f).read() for f in files))


def split(text):
    """(before the Unreleased section, its heading, its body without the stamp line, after it)."""
    start = text.index(UNRELEASED) + len(UNRELEASED)
    following = re.search(r"^## \[", text[start:], re.M)
    end = start + following.start() if following else len(text)
    return text[:start - len(UNRELEASED)], text[start:end], text[end:]


def notes_fingerprint(body):
    return digest(" ".join(STAMP.sub("", body).split()))


def stamped(body, api, notes):
    return "\n" + f"<!-- public-api: api={api} notes={notes} -->\n" + STAMP.sub("", body).lstrip("\n")


def main(command, *arguments):
    text = open(changelog_path).read()
    if UNRELEASED not in text:
        sys.exit(f"CHANGELOG.md has no '{UNRELEASED.strip()}' heading")
    before, body, after = split(text)
    recorded = STAMP.search(body)
    api, notes = api_fingerprint(), notes_fingerprint(body)
    if command == "check":
        if not recorded or recorded.group(1) != api:
            sys.exit("CHANGELOG.md: the public API (src/*/PublicAPI.Unshipped.txt) changed since the changelog's "
                     "'## [Unreleased]' section was last updated. Describe the change there (Added / Changed / Removed), "
                     "then run `python3 build/changelog.py stamp` and commit both.")
        print("CHANGELOG.md: the Unreleased section is up to date with the public API")
    elif command == "stamp":
        if recorded and recorded.group(1) != api and recorded.group(2) == notes:
            sys.exit("CHANGELOG.md: the public API changed but the '## [Unreleased]' section did not: write the entry first")
        open(changelog_path, "w").write(before + UNRELEASED + stamped(body, api, notes) + after)
        print(f"CHANGELOG.md: stamped api={api} notes={notes}")
    elif command == "release":
        version = arguments[0]
        released = f"## [{version}] - {datetime.date.today().isoformat()}\n" + STAMP.sub("", body).lstrip("\n")
        fresh = stamped("\n", api, notes_fingerprint("\n"))
        open(changelog_path, "w").write(before + UNRELEASED + fresh + "\n" + released + after)
        print(f"CHANGELOG.md: Unreleased is now [{version}]")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(*(sys.argv[1:] or ["help"]))
