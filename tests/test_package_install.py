"""The package works outside a checkout: a wheel built from the repository, installed with its requirements
into a fresh virtual environment, runs a chapter notebook copied into an empty folder, and reads the course
content from its own installed copy (not from the checkout, not from a setting)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from course_tools.conventions import ROOT

CHAPTER = "chapters/06_car_t.ipynb"  # three interactives and a knowledge check: the most data it reads
UV = Path(sys.executable).with_name("uv")

pytestmark = pytest.mark.slow

# Run inside the fresh environment: execute the notebook where it lies, with that environment's own kernel.
RUNNER = """
import sys, nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": sys.argv[2]}}).execute()
nbformat.write(nb, sys.argv[1])
"""
REPORT = (
    "import json, widgets, widgets.data\n"
    "root = widgets.data.content_root()\n"
    "print(json.dumps({'kind': root.kind, 'path': str(root.path), 'package': widgets.__file__, "
    "'repr': repr(root)}))"
)


def run(cmd, **kw):
    res = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=900, **kw)
    assert res.returncode == 0, f"{cmd[:3]} failed:\n{res.stdout[-3000:]}\n{res.stderr[-3000:]}"
    return res


def source_tree(dest: Path) -> Path:
    """The repository's files as a fresh clone has them (tracked and new, not ignored), so the build
    writes nothing into the checkout."""
    files = run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT).stdout.split()
    for f in files:
        if (ROOT / f).is_file():
            (dest / f).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / f, dest / f)
    return dest


def constraints(dest: Path) -> Path:
    """requirements.txt without the editable install of this project: the same pinned versions."""
    lines = [line for line in (ROOT / "requirements.txt").read_text().splitlines() if not line.startswith("-e")]
    dest.write_text("\n".join(lines) + "\n")
    return dest


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh virtual environment with the built wheel, its requirements, and a kernel to run notebooks."""
    if not UV.exists():
        pytest.fail(f"uv not found at {UV} (make env installs it)")
    work = tmp_path_factory.mktemp("wheel")
    src = source_tree(work / "src")
    run([UV, "build", "--wheel", "--out-dir", work / "dist", src])
    wheel = next((work / "dist").glob("*.whl"))
    venv = work / "venv"
    run([UV, "venv", "--quiet", "--python", sys.executable, venv])
    python = venv / "bin" / "python"
    # The wheel brings its own requirements (pyproject.toml); ipykernel and nbclient only run the notebook.
    run(
        [
            UV,
            "pip",
            "install",
            "--quiet",
            "--python",
            python,
            "-c",
            constraints(work / "constraints.txt"),
            wheel,
            "ipykernel",
            "nbclient",
        ]
    )
    return python


def test_a_chapter_copied_to_an_empty_folder_runs_from_the_installed_wheel(installed, tmp_path):
    folder = tmp_path / "downloaded"
    folder.mkdir()
    notebook = folder / Path(CHAPTER).name
    nb = nbformat.read(ROOT / CHAPTER, as_version=4)
    n_code = sum(c.cell_type == "code" for c in nb.cells)
    nb.cells.append(nbformat.v4.new_code_cell(REPORT))
    nbformat.write(nb, notebook)
    (folder / "runner.py").write_text(RUNNER)
    env = {k: v for k, v in os.environ.items() if k not in ("COURSE_CONTENT_DIR", "PYTHONPATH", "VIRTUAL_ENV")}
    run([installed, folder / "runner.py", notebook, folder], cwd=folder, env=env)

    done = nbformat.read(notebook, as_version=4)
    code = [c for c in done.cells if c.cell_type == "code"]
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert not errors, [f"{e.ename}: {e.evalue}" for e in errors]
    views = [
        c
        for c in code[:n_code]
        if any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in c.outputs)
    ]
    assert len(views) >= 3, "the chapter's interactives did not render"
    report = json.loads("".join(o.text for o in code[-1].outputs if o.output_type == "stream"))
    site = installed.parent.parent  # the venv
    assert report["kind"] == "installed", report
    assert Path(report["package"]).is_relative_to(site) and Path(report["path"]).is_relative_to(site), report
    assert report["repr"].startswith("ContentRoot(installed: ")
    assert sorted(p.name for p in folder.iterdir()) == ["06_car_t.ipynb", "runner.py"]  # nothing written beside it
