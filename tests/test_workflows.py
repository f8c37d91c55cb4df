"""The GitHub Actions workflows: the book is built with `make book` and deployed to GitHub Pages on pushes to main;
a weekly scheduled run executes `.ci/run` from a clean cache. Every `make` target they call exists in the Makefile,
every script they run exists, and every action is pinned to a commit."""

from __future__ import annotations

import re

import pytest
import yaml

from course_tools.conventions import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def load(name: str) -> dict:
    wf = yaml.safe_load((WORKFLOWS / name).read_text())
    wf["on"] = wf.pop(True, wf.get("on"))  # YAML 1.1 reads the key `on` as True
    return wf


def steps(wf: dict) -> list[dict]:
    return [s for job in wf["jobs"].values() for s in job.get("steps", [])]


def commands(wf: dict) -> list[str]:
    return [line.strip() for s in steps(wf) for line in s.get("run", "").splitlines() if line.strip()]


def makefile_targets() -> set[str]:
    return set(re.findall(r"^([A-Za-z0-9_.-]+)\s*:(?!=)", (ROOT / "Makefile").read_text(), re.M))


def uses(wf: dict, action: str) -> dict:
    found = [s for s in steps(wf) if s.get("uses", "").split("@")[0] == action]
    assert len(found) == 1, f"{action}: {len(found)} steps"
    return found[0]


def test_publish_builds_with_make_book_and_deploys_pages_on_push_to_main():
    wf = load("book.yml")
    assert wf["on"]["push"]["branches"] == ["main"]
    assert "make book" in commands(wf)
    assert uses(wf, "actions/upload-pages-artifact")["with"]["path"] == "_build/html"
    uses(wf, "actions/deploy-pages")
    assert wf["permissions"]["pages"] == "write" and wf["permissions"]["id-token"] == "write"
    deploy = wf["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"


def test_weekly_run_is_scheduled_and_starts_clean():
    wf = load("weekly.yml")
    cron = wf["on"]["schedule"][0]["cron"].split()
    assert len(cron) == 5 and cron[2] == "*" and cron[3] == "*" and cron[4] != "*", "not a weekly schedule"
    run = commands(wf)
    assert run.index("make clean") < run.index(".ci/run")
    assert not any(s.get("uses", "").startswith("actions/cache") for s in steps(wf)), "a cache would hide breakage"
    assert not any(s.get("with", {}).get("cache") for s in steps(wf)), "setup-python's cache would be restored"


@pytest.mark.parametrize("name", ["book.yml", "weekly.yml"])
def test_every_command_exists(name):
    wf = load(name)
    targets = makefile_targets()
    for cmd in commands(wf):
        for target in re.findall(r"\bmake\s+([A-Za-z0-9_.-]+)", cmd):
            assert target in targets, f"{name} runs `make {target}`, which the Makefile does not define"
        script = cmd.split()[0]
        if "/" in script:
            assert (ROOT / script).is_file(), f"{name} runs {script}, which does not exist"
    assert makefile_targets() >= {"book", "test", "clean"}


@pytest.mark.parametrize("name", ["book.yml", "weekly.yml"])
def test_actions_are_pinned_to_a_commit(name):
    for step in steps(load(name)):
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
