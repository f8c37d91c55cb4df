"""Fetch the browser assets the book serves itself, and build its widget renderer, so nothing loads from a CDN.

Packaged assets (MathJax, reveal.js, axe-core) come by `npm pack`: each tarball is checked against the sha512
integrity recorded in package-lock.json, so the files served are exactly the pinned ones, with no dependency tree.

The widget renderer is built, not fetched (ARCHITECTURE.md, "Offline assets"): html-manager's ready-made embed.js
holds every control, the ipywidgets 7 models and JupyterLab's output renderers, 1.9 MB that a chapter page compiled
before its first widget appeared. course_tools/widget_bundle/ holds the course's entry point and its own lock file;
`npm ci` installs exactly that tree (about 65 MB, into course_tools/widget_bundle/node_modules/, ignored by git) and
esbuild bundles only the models and views the course uses.

Usage: python -m course_tools.vendor_js [--force]
Output: .vendor/static/vendor/<package>/...      (added to the book's static path by course_tools.sphinx_ext)
        .vendor/static/vendor/course-widgets/... (the widget renderer and the licences of what it bundles)
        .vendor/test/<package>/...               (used only by tests, e.g. axe-core)
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

from course_tools.conventions import PACKAGE, ROOT, VENDOR, WIDGET_BUNDLE

BUNDLE_SRC = PACKAGE / "widget_bundle"
BUNDLE_OUT = VENDOR / "static" / Path(WIDGET_BUNDLE).parent

# package -> (destination group, folder name under the group, glob patterns inside the tarball's package/).
# Only what the pages and decks load is shipped: every file here ends up in the built book.
WANTED: dict[str, tuple[str, str, list[str]]] = {
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


def bundle_sources() -> list[Path]:
    """What the widget renderer is built from (its lock file included); node_modules is what `npm ci` makes."""
    return sorted(
        p for p in BUNDLE_SRC.rglob("*") if p.is_file() and "node_modules" not in p.relative_to(BUNDLE_SRC).parts
    )


def stamp_for(versions: dict[str, tuple[str, str]]) -> str:
    """The pinned versions, what is taken from them, and the renderer's sources: a change to any vendors again."""
    recipe = hashlib.sha256(json.dumps(WANTED, sort_keys=True).encode())
    for path in bundle_sources():
        recipe.update(path.relative_to(BUNDLE_SRC).as_posix().encode() + b"\0" + path.read_bytes())
    return json.dumps({**{k: v[0] for k, v in sorted(versions.items())}, "recipe": recipe.hexdigest()[:16]})


def build_widget_bundle() -> None:
    """`npm ci` from the renderer's own lock file, then its esbuild script; the output lands in the book's static
    path. Install scripts are not run: esbuild's binary comes as a platform package that npm picks itself."""
    for cmd in (
        ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
        ["node", "build.mjs", str(BUNDLE_OUT)],
    ):
        res = subprocess.run(cmd, cwd=BUNDLE_SRC, capture_output=True, text=True)
        if res.returncode != 0:
            sys.exit(f"vendor_js: `{' '.join(cmd)}` in {BUNDLE_SRC.relative_to(ROOT)} failed:\n{res.stderr.strip()}")
        if res.stdout.strip():
            print(f"vendor_js: {res.stdout.strip()}")
    if not (VENDOR / "static" / WIDGET_BUNDLE).is_file():
        sys.exit(f"vendor_js: the widget bundle build wrote no {WIDGET_BUNDLE} under {BUNDLE_OUT.relative_to(ROOT)}")


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
            print(f"vendor_js: {name}@{version}: {count} files -> {dest.relative_to(ROOT)}")
    build_widget_bundle()
    stamp.write_text(stamp_for(versions))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="fetch again even if up to date")
    vendor(parser.parse_args().force)
