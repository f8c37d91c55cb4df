"""Fetch the browser assets the book serves itself, so nothing is loaded from a CDN.

Why `npm pack` and not `npm install`: `npm install` of @jupyter-widgets/html-manager pulls ~128 MB of
dependencies, while its tarball already holds the bundled `dist/`. Each tarball is checked against the
sha512 integrity recorded in package-lock.json, so the files served are exactly the pinned ones.

Usage: python tools/vendor_js.py [--force]
Output: .vendor/static/vendor/<package>/...  (added to the book's static path by tools/course_assets.py)
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

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / ".vendor"

# package -> (destination group, folder name under the group, glob patterns inside the tarball's package/)
WANTED: dict[str, tuple[str, str, list[str]]] = {
    "@jupyter-widgets/html-manager": (
        "static", "html-manager",
        ["dist/embed-amd.js", "dist/libembed-amd.js", "dist/*.woff2", "dist/*.woff", "dist/*.ttf",
         "dist/*.eot", "dist/*.svg", "LICENSE*"],
    ),
    "requirejs": ("static", "requirejs", ["require.js", "README.md"]),
    "jquery": ("static", "jquery", ["dist/jquery.min.js", "LICENSE.txt"]),
    "mathjax": (
        "static", "mathjax",
        ["es5/tex-mml-chtml.js", "es5/output/chtml/*", "es5/input/*", "es5/ui/*", "es5/a11y/*",
         "es5/adaptors/*", "es5/sre/*", "LICENSE"],
    ),
    "reveal.js": ("static", "reveal.js", ["dist/*", "plugin/*", "LICENSE"]),
    "axe-core": ("test", "axe-core", ["axe.min.js", "LICENSE"]),
}


def locked_versions() -> dict[str, tuple[str, str]]:
    deps = json.loads((ROOT / "package.json").read_text())["dependencies"]
    lock = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    out = {}
    for name in deps:
        entry = lock.get(f"node_modules/{name}")
        if entry is None:
            sys.exit(f"vendor_js: {name} is in package.json but not in package-lock.json; run "
                     "`npm install --package-lock-only --ignore-scripts`")
        out[name] = (entry["version"], entry["integrity"])
    missing = set(deps) - set(WANTED)
    if missing:
        sys.exit(f"vendor_js: no file list for {sorted(missing)} in tools/vendor_js.py WANTED")
    return out


def integrity_of(path: Path) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(path.read_bytes()).digest()).decode()


def stamp_for(versions: dict[str, tuple[str, str]]) -> str:
    return json.dumps({k: v[0] for k, v in sorted(versions.items())})


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
                capture_output=True, text=True,
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
    stamp.write_text(stamp_for(versions))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="fetch again even if up to date")
    vendor(parser.parse_args().force)
