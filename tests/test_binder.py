"""Binder gets the same environment: repo2docker's Dockerfile uses Python 3.11, copies the repo, then installs
requirements.txt and this package."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from course_tools.conventions import ROOT

# MyST in live notebooks (issue 11). 2.7.0 needs @jupyter/ydoc 3 and JupyterLab 4.6 disables it; 2.6.0 loads.
JUPYTERLAB_MYST = "jupyterlab-myst==2.6.0"


def test_runtime_and_requirements_pin_the_environment():
    assert (ROOT / "runtime.txt").read_text().strip() == "python-3.11"
    reqs = [line for line in (ROOT / "requirements.txt").read_text().splitlines() if line and not line.startswith("#")]
    assert "-e ." in reqs
    unpinned = [r for r in reqs if r != "-e ." and "==" not in r]
    assert not unpinned, f"unpinned requirements: {unpinned}"
    # The top-level choices (requirements.txt's header), lint tools included. matplotlib is pinned for the course's
    # figures (widgets/figures/, ARCHITECTURE.md); no module imports it until they land.
    for top in (
        "jupyter-book==1.0.4.post1",
        "jupyterlab==",
        "ipywidgets==",
        "matplotlib==",
        "nbval==",
        "pytest==",
        "playwright==",
        "pre-commit==",
        "ruff==",
        "codespell==",
        "check-jsonschema==",
        JUPYTERLAB_MYST,
    ):
        assert any(r.startswith(top) for r in reqs), top


def test_repo2docker_dockerfile(tmp_path):
    # A clean copy of the tracked files, as Binder sees the repository (no .venv, no build output).
    files = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    for f in files:
        src = ROOT / f
        if src.is_file():
            (tmp_path / f).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, tmp_path / f)
    r2d = Path(sys.executable).parent / "repo2docker"
    out = subprocess.run(
        [str(r2d), "--no-build", "--debug", str(tmp_path)], capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr[-2000:]
    text = out.stdout + out.stderr
    assert "python=3.11" in text or "PYTHON_VERSION=3.11" in text
    lines = text.splitlines()
    copy_repo = next(i for i, line in enumerate(lines) if line.startswith("COPY") and "src/ ${REPO_DIR}/" in line)
    install_reqs = next(i for i, line in enumerate(lines) if "pip install" in line and "requirements.txt" in line)
    assert copy_repo < install_reqs, "the repo must be copied in before requirements.txt (it has -e .)"
    assert any("pip install" in line and line.rstrip().endswith(" .") for line in lines), "the package is not installed"
    # Nothing else in the build context overrides requirements.txt, and the file Binder installs pins
    # jupyterlab-myst, so Binder's JupyterLab renders the chapters' MyST.
    assert not (tmp_path / "binder").exists() and not (tmp_path / ".binder").exists()
    assert JUPYTERLAB_MYST in (tmp_path / "requirements.txt").read_text().splitlines()


def test_jupyterlab_myst_is_enabled_in_the_pinned_jupyterlab():
    """The extension is installed and JupyterLab reports it enabled and OK (2.7.0 shows as disabled here)."""
    jupyter = Path(sys.executable).parent / "jupyter"
    out = subprocess.run([str(jupyter), "labextension", "list"], capture_output=True, text=True, timeout=120)
    text = out.stdout + out.stderr
    line = next((ln for ln in text.splitlines() if "jupyterlab-myst" in ln), None)
    assert line is not None, f"jupyterlab-myst is not installed:\n{text}"
    assert "v2.6.0" in line and "enabled" in line and "OK" in line, line
