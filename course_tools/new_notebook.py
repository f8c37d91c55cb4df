"""Write a chapter notebook from a plain-text outline, so chapters start with the same metadata and no outputs.

Outline format (UTF-8 text): cells separated by lines `%%% md`, `%%% code`, optionally followed by
`tags=a,b` and `slide=slide|subslide|fragment|skip|notes|-`. Example:

    %%% md slide=slide
    # Title
    %%% code tags=hide-input
    import widgets

Usage: python -m course_tools.new_notebook OUTLINE.txt chapters/NN_name.ipynb
Used once to start a chapter; afterwards edit the notebook in JupyterLab (make lab).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

KERNEL = {"display_name": "Python 3 (course)", "language": "python", "name": "python3"}


def parse(text: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": KERNEL, "language_info": {"name": "python"}}
    blocks = text.split("\n%%% ")
    blocks[0] = blocks[0].removeprefix("%%% ")
    for block in blocks:
        if not block.strip():
            continue
        header, _, body = block.partition("\n")
        kind, *opts = header.split()
        meta: dict = {}
        for opt in opts:
            key, _, value = opt.partition("=")
            if key == "tags":
                meta["tags"] = value.split(",")
            elif key == "slide":
                meta["slideshow"] = {"slide_type": value}
        body = body.rstrip("\n")
        cell = nbformat.v4.new_markdown_cell(body) if kind == "md" else nbformat.v4.new_code_cell(body)
        cell.metadata = meta
        nb.cells.append(cell)
    for i, cell in enumerate(nb.cells):
        cell.id = f"cell-{i:03d}"  # stable ids keep diffs small
    return nb


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outline", type=Path, help="the text outline (UTF-8)")
    ap.add_argument("notebook", type=Path, help="the notebook to write, e.g. chapters/NN_name.ipynb")
    args = ap.parse_args(argv)
    nbformat.write(parse(args.outline.read_text(encoding="utf-8")), args.notebook)
    print(f"wrote {args.notebook}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
