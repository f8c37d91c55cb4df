"""Bad data made from the real data. The `course_content` fixture copies `data/` (with its schemas) and
`references.bib` into a temporary folder and points the loader at it with the explicit setting
(`COURSE_CONTENT_DIR`); a test patches one field of one file and asserts what the loader says.

tests/conftest.py imports the fixture, so every test module can ask for `course_content` by name.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from course_tools.conventions import ROOT
from widgets.data import ENV_VAR

CHECKOUT = ROOT


class ContentCopy:
    def __init__(self, root: Path):
        self.root = root

    def path(self, name: str) -> Path:
        return self.root / "data" / f"{name}.yaml"

    def read(self, name: str) -> dict:
        return yaml.safe_load(self.path(name).read_text(encoding="utf-8"))

    def write(self, name: str, doc: dict) -> None:
        self.path(name).write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")

    def patch(self, name: str, edit: Callable[[dict], None]) -> dict:
        """Read data/<name>.yaml, let `edit` change the document in place, write it back; returns it."""
        doc = self.read(name)
        edit(doc)
        self.write(name, doc)
        return doc

    def label(self, name: str, record_id: str) -> str:
        """How the loader names a record of the real file: "record 6 (id 'expansion')"."""
        ids = [r["id"] for r in self.read(name)["records"]]
        return f"record {ids.index(record_id) + 1} (id '{record_id}')"


def record(doc: dict, record_id: str) -> dict:
    return next(r for r in doc["records"] if r["id"] == record_id)


@pytest.fixture
def course_content(tmp_path, monkeypatch) -> ContentCopy:
    root = tmp_path / "content"
    shutil.copytree(CHECKOUT / "data", root / "data")
    shutil.copy(CHECKOUT / "references.bib", root / "references.bib")
    monkeypatch.setenv(ENV_VAR, str(root))
    return ContentCopy(root)
