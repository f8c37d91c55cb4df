"""The first code cell of every chapter ("course setup"), written once here and copied into each notebook.

A chapter opened where the course package is missing (Colab, a notebook downloaded from the book) installs it
from the course repository; in Colab it also turns on the widget manager that ipywidgets 8 needs (DESIGN.md point
14). Where the package is present (Binder, JupyterHub, a local install, the book build, the tests) it does nothing
and prints nothing. It is tagged `remove-cell`, so the book and the decks leave it out; JupyterLab and Colab show it.

The repository address is the one setting the launch buttons read (tools/course_assets.py:
COURSE_REPOSITORY_URL, else the git remote `origin`; branch COURSE_REPOSITORY_BRANCH, default main). A notebook
cannot read the environment of the build, so this tool writes the address into the cell.

    python -m course_tools.bootstrap_cell          # insert or refresh the cell in every chapter in _toc.yml
    python -m course_tools.bootstrap_cell --check  # exit 1 if a chapter's cell differs from this template
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from course_tools.conventions import ROOT, chapter_notebooks
from course_tools.sphinx_ext import repository_branch, repository_url

CELL_ID = "course-setup"
# {package!r} becomes "git+https://github.com/OWNER/REPO@BRANCH", or "" when the repository is unknown.
TEMPLATE = """\
# Course setup (from course_tools/bootstrap_cell.py). Does nothing where the course package is installed; in Colab or a
# downloaded notebook it installs the package, and in Colab turns on the widget manager ipywidgets 8 needs.
import importlib, importlib.util, subprocess, sys
COURSE_PACKAGE, _done = {package!r}, []
if importlib.util.find_spec("widgets") is None:
    if not COURSE_PACKAGE:
        raise RuntimeError("Course setup: the course package is missing and this copy names no repository to get it")
    _pip = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", COURSE_PACKAGE], capture_output=True,
                          text=True)
    if _pip.returncode != 0:
        raise RuntimeError(f"Course setup: pip could not install {{COURSE_PACKAGE}}:\\n{{_pip.stderr.strip()[-600:]}}")
    importlib.invalidate_caches(); _done.append(f"installed the course package from {{COURSE_PACKAGE}}")
if "google.colab" in sys.modules:
    from google.colab import output; output.enable_custom_widget_manager(); _done.append("enabled Colab's widgets")
if _done: print("Course setup: " + "; ".join(_done) + ".")
"""


def package_spec(url: str | None, branch: str) -> str:
    return f"git+{url}@{branch}" if url else ""


def cell_source(url: str | None = None, branch: str | None = None) -> str:
    url = repository_url() if url is None else url
    return TEMPLATE.format(package=package_spec(url, branch or repository_branch()))


def setup_cell(source: str) -> dict:
    return {
        "cell_type": "code",
        "execution_count": None,
        "id": CELL_ID,
        "metadata": {"slideshow": {"slide_type": "skip"}, "tags": ["remove-cell"]},
        "outputs": [],
        "source": source.splitlines(keepends=True),
    }


def find_cell(nb: dict) -> int | None:
    return next((i for i, c in enumerate(nb["cells"]) if c.get("id") == CELL_ID), None)


def apply(nb: dict, source: str) -> bool:
    """Put the setup cell right after the title cell (before every other code cell); True if anything changed."""
    cell = setup_cell(source)
    i = find_cell(nb)
    if i is not None:
        if nb["cells"][i] == cell and i == 1:
            return False
        nb["cells"].pop(i)
    nb["cells"].insert(1, cell)
    return True


def chapter_files(root: Path = ROOT) -> list[Path]:
    return [root / f"{doc}.ipynb" for doc in chapter_notebooks(root)]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="report chapters whose cell differs; change nothing")
    args = ap.parse_args(argv)
    source = cell_source()
    stale = []
    for path in chapter_files():
        nb = json.loads(path.read_text(encoding="utf-8"))
        if apply(nb, source):
            stale.append(path.relative_to(ROOT))
            if not args.check:
                path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    verb = "differ from course_tools/bootstrap_cell.py" if args.check else "updated"
    print(f"course setup cell: {len(stale)} chapter(s) {verb}" + "".join(f"\n  {p}" for p in stale))
    if not (repository_url()):
        print(
            "note: the repository is unknown (set COURSE_REPOSITORY_URL or a GitHub `origin`), so the cell "
            "names none and, where the package is missing, says so instead of installing it",
            file=sys.stderr,
        )
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
