"""Launch buttons point at the right notebook: the book built with COURSE_REPOSITORY_URL, COURSE_REPOSITORY_BRANCH
and COURSE_JUPYTERHUB_URL set has, on every chapter page, Binder, Colab and JupyterHub links to that chapter's
notebook on that branch; without the hub setting, no JupyterHub link is configured.

The buttons come from configuration only, so this build skips notebook execution (the shared test build
executes and checks the notebooks), which makes it much cheaper than a second full build."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import yaml

from course_tools import sphinx_ext
from course_tools.conventions import ROOT, chapter_notebooks

REPO = "https://github.com/example-org/immuno-course"
BRANCH = "spring-term"
HUB = "https://hub.example.edu"
CHAPTERS = chapter_notebooks(ROOT)


def build(tmp: Path, **env) -> Path:
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    config["execute"]["execute_notebooks"] = "off"
    (tmp / "_config.yml").write_text(yaml.safe_dump(config))
    out = tmp / "out"
    run_env = {k: v for k, v in os.environ.items() if not k.startswith("COURSE_")} | env
    res = subprocess.run(
        [
            str(Path(sys.executable).parent / "jupyter-book"),
            "build",
            "--config",
            str(tmp / "_config.yml"),
            "--path-output",
            str(out),
            str(ROOT),
        ],
        cwd=ROOT,
        env=run_env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
    return out / "_build" / "html"


@pytest.fixture(scope="module")
def with_hub(tmp_path_factory) -> Path:
    return build(
        tmp_path_factory.mktemp("launch-hub"),
        COURSE_REPOSITORY_URL=REPO + ".git",
        COURSE_REPOSITORY_BRANCH=BRANCH,
        COURSE_JUPYTERHUB_URL=HUB,
    )


def links(page: Path) -> list[str]:
    return [unescape(h) for h in re.findall(r'<a\b[^>]*\bhref="([^"]+)"', page.read_text(encoding="utf-8"))]


def test_there_are_chapters():
    assert len(CHAPTERS) >= 10


@pytest.mark.book
@pytest.mark.parametrize("doc", CHAPTERS)
def test_every_chapter_page_launches_its_own_notebook(with_hub, doc):
    hrefs = links(with_hub / f"{doc}.html")
    path = f"{doc}.ipynb"
    binder = [h for h in hrefs if h.startswith("https://mybinder.org/")]
    assert binder == [f"https://mybinder.org/v2/gh/example-org/immuno-course/{BRANCH}?urlpath=lab/tree/{path}"], binder
    colab = [h for h in hrefs if h.startswith("https://colab.research.google.com/")]
    assert colab == [f"https://colab.research.google.com/github/example-org/immuno-course/blob/{BRANCH}/{path}"], colab
    hub = [urlparse(h) for h in hrefs if h.startswith(HUB)]
    assert len(hub) == 1, hub
    query = parse_qs(hub[0].query)
    assert hub[0].path == "/hub/user-redirect/git-pull"
    assert query["repo"] == [REPO] and query["branch"] == [BRANCH]
    assert query["urlpath"] == [f"lab/tree/immuno-course/{path}"]


def test_no_jupyterhub_button_without_a_hub(monkeypatch):
    """The theme draws a JupyterHub link only from `jupyterhub_url`; without the setting it is not passed on."""

    class Config:
        html_theme_options: dict = {}

    for name in ("COURSE_JUPYTERHUB_URL", "COURSE_REPOSITORY_BRANCH"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COURSE_REPOSITORY_URL", REPO)
    config = Config()
    sphinx_ext.set_launch_buttons(None, config)
    launch = config.html_theme_options["launch_buttons"]
    assert "jupyterhub_url" not in launch and launch["binderhub_url"] == "https://mybinder.org"
    assert config.html_theme_options["repository_branch"] == "main"
    monkeypatch.setenv("COURSE_JUPYTERHUB_URL", HUB)
    sphinx_ext.set_launch_buttons(None, config)
    assert config.html_theme_options["launch_buttons"]["jupyterhub_url"] == HUB
