"""Committed notebooks carry no outputs (except cells tagged for nbval output checks) and no widget state: the rule
is course_tools.check_notebooks, which `make lint` runs as a pre-commit hook."""

from __future__ import annotations

import json

import pytest

from course_tools.check_notebooks import chapter_notebook_files, main, notebook_problems

NOTEBOOKS = chapter_notebook_files()


def test_there_are_chapter_notebooks():
    assert NOTEBOOKS


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_outputs_and_no_widget_state(nb_path):
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    assert notebook_problems(nb) == []


def test_the_check_finds_outputs_counts_and_widget_state(tmp_path, capsys):
    dirty = {
        "metadata": {"widgets": {}},
        "cells": [
            {
                "cell_type": "code",
                "execution_count": 3,
                "outputs": [{"output_type": "stream", "text": "x"}],
                "metadata": {},
                "source": "print('x')",
            },
            {
                "cell_type": "code",
                "execution_count": 1,
                "outputs": [{"output_type": "stream", "text": "kept"}],
                "metadata": {"tags": ["nbval-check-output"]},
                "source": "print('kept')",
            },
            {"cell_type": "markdown", "metadata": {}, "source": "text"},
        ],
    }
    assert notebook_problems(dirty) == [
        "notebook metadata carries widget state",
        "cell 0 has stored outputs",
        "cell 0 has an execution count",
    ]
    path = tmp_path / "dirty.ipynb"
    path.write_text(json.dumps(dirty))
    assert main([str(path)]) == 1
    assert f"{path}: cell 0 has stored outputs" in capsys.readouterr().err
    dirty["metadata"], dirty["cells"] = {}, dirty["cells"][1:]
    path.write_text(json.dumps(dirty))
    assert main([str(path)]) == 0


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.name)
def test_code_cells_are_short(nb_path):
    """Notebooks tell the story; helper code lives in widgets/ (ARCHITECTURE.md: no cell over ~15 lines)."""
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code":
            lines = "".join(cell["source"]).splitlines()
            assert len(lines) <= 15, f"cell {i} has {len(lines)} lines"
            assert not any(line.lstrip().startswith(("def ", "class ")) for line in lines), f"cell {i} defines code"
