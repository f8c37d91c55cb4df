"""Committed notebooks carry no outputs and no widget state: the pre-commit hook (`make lint`) and
tests/test_notebook_hygiene.py both use `notebook_problems`.

Why: outputs and widget state are made by the build (and by nbval in `make test`); committed, they go stale, bloat
the diff, and can show a learner a result that the current code no longer gives. A cell tagged
`nbval-check-output` keeps its outputs and count: nbval compares them with a fresh run.

Usage: python -m course_tools.check_notebooks [NOTEBOOK ...]   (default: every notebook under chapters/)
Exit status 1, with one line per problem naming the notebook and the cell, when any notebook has one.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from course_tools.conventions import ROOT

KEEP_OUTPUT_TAG = "nbval-check-output"


def chapter_notebook_files(root: Path = ROOT) -> list[Path]:
    """Every notebook under chapters/ (on disk, in the toc or not), checkpoints left out."""
    return sorted(p for p in (root / "chapters").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def notebook_problems(nb: dict) -> list[str]:
    """What a committed notebook must not carry, one message per problem (empty when clean)."""
    problems = []
    if "widgets" in nb.get("metadata", {}):
        problems.append("notebook metadata carries widget state")
    for i, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") != "code":
            continue
        if KEEP_OUTPUT_TAG in cell.get("metadata", {}).get("tags", []):
            continue
        if cell.get("outputs"):
            problems.append(f"cell {i} has stored outputs")
        if cell.get("execution_count") is not None:
            problems.append(f"cell {i} has an execution count")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notebooks", nargs="*", type=Path, help="default: every notebook under chapters/")
    args = ap.parse_args(argv)
    bad = 0
    for path in args.notebooks or chapter_notebook_files():
        try:
            nb = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            print(f"{path}: cannot be read as a notebook: {exc}", file=sys.stderr)
            bad += 1
            continue
        for problem in notebook_problems(nb):
            print(f"{path}: {problem} (clear it: Edit > Clear Outputs of All Cells, then save)", file=sys.stderr)
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
