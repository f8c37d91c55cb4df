"""Fetch the browser assets the book serves itself, so nothing is loaded from a CDN.

Why `npm pack` and not `npm install`: `npm install` of @jupyter-widgets/html-manager pulls ~128 MB of
dependencies, while its tarball already holds the bundled `dist/`. Each tarball is checked against the
sha512 integrity recorded in package-lock.json, so the files served are exactly the pinned ones.

Usage: python -m course_tools.vendor_js [--force]
Output: .vendor/static/vendor/<package>/...  (added to the book's static path by course_tools.sphinx_ext)
        .vendor/test/<package>/...           (used only by tests, e.g. axe-core)
"""

from __future__ import annotations

import argparse
import base64
import fnmatch
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from course_tools.conventions import ROOT, VENDOR

# package -> (destination group, folder name under the group, glob patterns inside the tarball's package/).
# Only what the pages and decks load is shipped: every file here ends up in the built book.
WANTED: dict[str, tuple[str, str, list[str]]] = {
    # embed.js needs no require.js (ARCHITECTURE.md, "Offline assets"); the icon fonts it names are fetched from
    # beside it.
    "@jupyter-widgets/html-manager": (
        "static",
        "html-manager",
        ["dist/embed.js", "dist/embed.js.LICENSE.txt", "dist/*.woff2", "dist/*.woff", "LICENSE*"],
    ),
    # MathJax from its components (course_tools.conventions MATHJAX_COMPONENTS): TeX in, HTML out, hidden MathML for
    # screen readers; not the combined file, whose menu and speech engine weigh more than the rest together.
    "mathjax": (
        "static",
        "mathjax",
        [
            "es5/startup.js",
            "es5/core.js",
            "es5/input/tex.js",
            "es5/input/tex/extensions/*",
            "es5/output/chtml.js",
            "es5/output/chtml/fonts/tex.js",
            "es5/output/chtml/fonts/woff-v2/*",
            "es5/a11y/assistive-mml.js",
            "LICENSE",
        ],
    ),
    # The decks use the white theme and the speaker-notes plugin only.
    "reveal.js": (
        "static",
        "reveal.js",
        [
            "dist/reveal.js",
            "dist/reveal.css",
            "dist/theme/white.css",
            "dist/theme/fonts/source-sans-pro/*",
            "plugin/notes/notes.js",
            "LICENSE",
        ],
    ),
    "axe-core": ("test", "axe-core", ["axe.min.js", "LICENSE"]),
}

# Vendored files must not name a CDN, not even in a default that this book never uses
# (course_tools/testing/page_audit.py defines "CDN address"). These are patched out as the files are unpacked:
# (package, old text, new text, why it is safe).
# A patch that no longer matches stops the vendoring, so a version bump is looked at rather than shipped.
PATCHES: list[tuple[str, str, str, str]] = [
    (
        "@jupyter-widgets/html-manager",
        '"https://cdn.jsdelivr.net/npm/"',
        '""',
        "embed.js's default CDN for widget modules that are not built in; it has no loader that would use it, and "
        "this book uses built-in widgets only",
    ),
    (
        "@jupyter-widgets/html-manager",
        "@import url('https://fonts.googleapis.com/css?family=Roboto+Mono');",
        "(a Roboto Mono import, commented out upstream, removed when vendored)",
        "a CSS comment inside the bundle",
    ),
]


def patch(name: str, dest: Path) -> None:
    for package, old, new, _why in PATCHES:
        if package != name:
            continue
        hits = 0
        for path in dest.rglob("*.js"):
            text = path.read_text(encoding="utf-8")
            if old in text:
                hits += text.count(old)
                path.write_text(text.replace(old, new), encoding="utf-8")
        if hits == 0:
            sys.exit(
                f"vendor_js: the patch for {name} no longer matches ({old!r} not found under {dest}); "
                "check the new version for CDN addresses and update PATCHES in course_tools/vendor_js.py"
            )
        print(f"vendor_js: {name}: patched {hits} x {old[:40]!r}")


def locked_versions() -> dict[str, tuple[str, str]]:
    deps = json.loads((ROOT / "package.json").read_text())["dependencies"]
    lock = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    out = {}
    for name in deps:
        entry = lock.get(f"node_modules/{name}")
        if entry is None:
            sys.exit(
                f"vendor_js: {name} is in package.json but not in package-lock.json; run "
                "`npm install --package-lock-only --ignore-scripts`"
            )
        out[name] = (entry["version"], entry["integrity"])
    missing = set(deps) - set(WANTED)
    if missing:
        sys.exit(f"vendor_js: no file list for {sorted(missing)} in course_tools/vendor_js.py WANTED")
    return out


def integrity_of(path: Path) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(path.read_bytes()).digest()).decode()


def stamp_for(versions: dict[str, tuple[str, str]]) -> str:
    """The pinned versions and what is taken from them: a change to either vendors again."""
    recipe = hashlib.sha256(json.dumps([WANTED, PATCHES], sort_keys=True).encode()).hexdigest()[:16]
    return json.dumps({**{k: v[0] for k, v in sorted(versions.items())}, "recipe": recipe})


def vendor(force: bool = False) -> None:
    versions = locked_versions()
    stamp = VENDOR / "stamp.json"
    if not force and stamp.exists() and stamp.read_text() == stamp_for(versions):
        print(f"vendor_js: up to date ({len(versions)} packages in {VENDOR.relative_to(ROOT)})")
        return
    shutil.rmtree(VENDOR, ignore_errors=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, (version, integrity) in versions.items():
            res = subprocess.run(
                ["npm", "pack", f"{name}@{version}", "--pack-destination", tmp, "--json", "--silent"],
                capture_output=True,
                text=True,
            )
            if res.returncode != 0:
                sys.exit(f"vendor_js: npm pack {name}@{version} failed:\n{res.stderr.strip()}")
            tarball = Path(tmp) / json.loads(res.stdout)[0]["filename"]
            if integrity_of(tarball) != integrity:
                sys.exit(f"vendor_js: {tarball.name} does not match the integrity in package-lock.json")
            group, folder, patterns = WANTED[name]
            dest = VENDOR / group / ("vendor" if group == "static" else "") / folder
            count = 0
            with tarfile.open(tarball) as tar:
                for member in tar.getmembers():
                    rel = member.name.split("/", 1)[1] if "/" in member.name else member.name
                    if not member.isfile() or not any(fnmatch.fnmatch(rel, p) for p in patterns):
                        continue
                    target = dest / rel
                    target.parent.mkdir(parents=True, exist_ok=True)
                    with tar.extractfile(member) as src, open(target, "wb") as out:
                        shutil.copyfileobj(src, out)
                    count += 1
            if count == 0:
                sys.exit(f"vendor_js: no files of {name}@{version} matched {patterns}")
            patch(name, dest)
            print(f"vendor_js: {name}@{version}: {count} files -> {dest.relative_to(ROOT)}")
    stamp.write_text(stamp_for(versions))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="fetch again even if up to date")
    vendor(parser.parse_args().force)
