"""Committed notebooks carry no outputs (except cells tagged for nbval output checks) and no widget state."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from course_tools.conventions import ROOT
NOTEBOOKS = sorted(p for p in (ROOT / "chapters").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def test_there_are_chapter_notebooks():
    assert NOTEBOOKS


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_outputs_and_no_widget_state(nb_path):
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    assert "widgets" not in nb.get("metadata", {}), "notebook metadata carries widget state"
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        tags = cell.get("metadata", {}).get("tags", [])
        if "nbval-check-output" not in tags:
            assert not cell.get("outputs"), f"cell {i} has stored outputs"
        assert cell.get("execution_count") is None or "nbval-check-output" in tags, f"cell {i} has a count"


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.name)
def test_code_cells_are_short(nb_path):
    """Notebooks tell the story; helper code lives in widgets/ (DESIGN.md: no cell over ~15 lines)."""
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code":
            lines = "".join(cell["source"]).splitlines()
            assert len(lines) <= 15, f"cell {i} has {len(lines)} lines"
            assert not any(l.lstrip().startswith(("def ", "class ")) for l in lines), f"cell {i} defines code"
