"""`make lint`: its hooks run offline from the venv, CI runs it before the tests, and the data-schema hook
(course_tools.check_data) catches a bad record through the shared `$ref` fragment and a data file with no schema."""

from __future__ import annotations

import json
import re
import shutil

import yaml

from course_tools import check_data
from course_tools.conventions import ROOT


def test_every_hook_is_local_so_lint_needs_no_network():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    assert [r["repo"] for r in config["repos"]] == ["local"]
    ids = {h["id"] for r in config["repos"] for h in r["hooks"]}
    assert {"ruff-check", "ruff-format", "codespell", "data-schemas", "notebook-outputs", "citation-labels"} <= ids


def test_ci_lints_before_it_tests():
    steps = [
        line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines() if line.strip().startswith("make ")
    ]
    assert steps == ["make lint", "make test"]
    assert re.search(r"^lint: .*\n\t.*pre-commit run --all-files", (ROOT / "Makefile").read_text(), re.M)


def test_data_check_follows_the_shared_fragment_and_names_what_is_wrong(tmp_path):
    (tmp_path / "data").mkdir()
    shutil.copytree(ROOT / "data" / "schemas", tmp_path / "data" / "schemas")
    doc = yaml.safe_load((ROOT / "data" / "vaccine_timing.yaml").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "data" / "schemas" / "vaccine_timing.schema.json").read_text())
    assert "common.defs.json#/$defs/id" in json.dumps(schema)  # the rule broken below lives in the fragment
    doc["records"][0]["id"] = "Not A Slug"
    (tmp_path / "data" / "vaccine_timing.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True))
    (tmp_path / "data" / "no_schema_here.yaml").write_text("records: []\n")
    found, missing = check_data.pairs(tmp_path)
    assert [d.name for d, _ in found] == ["vaccine_timing.yaml"]
    assert missing == ["data/no_schema_here.yaml: no schema data/schemas/no_schema_here.schema.json"]
    report = check_data.check(*found[0])
    assert "$.records[0].id" in report and "Not A Slug" in report
    real = ROOT / "data" / "vaccine_timing.yaml"
    assert check_data.check(real, ROOT / "data" / "schemas" / "vaccine_timing.schema.json") == ""
