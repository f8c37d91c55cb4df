"""Citations that read the same in JupyterLab as in the book.

The book renders {cite}`june2018car` as "[June and Sadelain, 2018]"; JupyterLab (jupyterlab-myst 2.6.0, no
bibliography support) shows the key, marked "Citation Not Found". So chapter Markdown cells cite with the link form
of `course_tools.conventions` (`[[June and Sadelain, 2018](#cite-june2018car)]`), which JupyterLab shows as the
label and `course_tools.sphinx_ext` turns back into the role for the book. The label is computed here, the way the
book computes it (`widgets.data.bib.book_label`, with the referencing and bibliography styles of `_config.yml`),
never typed.

    python -m course_tools.citations --write   # every {cite} in a chapter's Markdown cells -> a link; labels refreshed
    python -m course_tools.citations --check   # exit 1 naming file, cell and key: stale label, unknown key, or a role

Figure captions in code-cell metadata keep the role (see `course_tools.conventions`, "Citations").
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from course_tools.conventions import (
    CITE,
    CITE_ROLE,
    ROOT,
    chapter_notebooks,
    citation_keys,
    cite_link,
)


def bib_styles(root: Path = ROOT) -> dict[str, str]:
    """The book's referencing and bibliography styles, as `_config.yml` gives them to sphinxcontrib-bibtex."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))["sphinx"]["config"]
    return {"reference_style": config["bibtex_reference_style"], "style": config["bibtex_default_style"]}


@dataclass
class Labeller:
    """The book's label for a list of keys, from one bibliography file."""

    bib: Path
    styles: dict[str, str]

    def __call__(self, keys: list[str]) -> str:
        from widgets.data.bib import book_label

        return book_label(keys, self.bib, **self.styles)


def default_labeller(root: Path = ROOT) -> Labeller:
    return Labeller(root / "references.bib", bib_styles(root))


def _rewrite(text: str, label: Labeller) -> tuple[str, int]:
    count = 0

    def one(m):
        nonlocal count
        keys = citation_keys(m)
        # A textual {cite:t} has no link form, and an unknown key has no label: both are left for --check to report.
        if m.group("role_keys") is not None and not m.group(0).startswith(("{cite}", "{cite:p}")):
            return m.group(0)
        try:
            new = cite_link(keys, label(keys))
        except KeyError:
            return m.group(0)
        count += new != m.group(0)
        return new

    return CITE.sub(one, text), count


def write(path: Path, label: Labeller) -> int:
    """Rewrite one notebook's Markdown citations in the link form with fresh labels; the number changed."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    changed = 0
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        source = "".join(cell["source"])
        new, n = _rewrite(source, label)
        if n:
            cell["source"] = new.splitlines(keepends=True)
            changed += n
    if changed:  # written as nbformat and course_tools.myst_constructs write it
        path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return changed


def problems(path: Path, label: Labeller, root: Path = ROOT) -> list[str]:
    """Every citation in a notebook's Markdown cells that JupyterLab would not show as the book does."""
    shown = path.relative_to(root) if path.is_relative_to(root) else path
    nb = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "markdown":
            continue
        for m in CITE.finditer("".join(cell["source"])):
            keys = citation_keys(m)
            where = f"{shown}, cell {i} ({cell.get('id', 'no id')})"
            try:
                want = label(keys)
            except KeyError as exc:
                out.append(f"{where}: {exc.args[0]} in {m.group(0)}")
                continue
            if CITE_ROLE.fullmatch(m.group(0)):
                out.append(
                    f"{where}: {m.group(0)} is a role, which JupyterLab shows as the key {','.join(keys)!r}; "
                    f"write {cite_link(keys, want)}"
                )
            elif m.group("label") != want:
                out.append(f"{where}: stale label for {','.join(keys)}: {m.group('label')!r}, the book shows {want!r}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="rewrite the chapters' citations as links with labels")
    mode.add_argument(
        "--check", action="store_true", help="report stale labels, unknown keys and roles; change nothing"
    )
    ap.add_argument("notebooks", nargs="*", type=Path, help="default: every chapter in _toc.yml")
    args = ap.parse_args(argv)
    paths = args.notebooks or [ROOT / f"{doc}.ipynb" for doc in chapter_notebooks()]
    label = default_labeller()
    if args.write:
        counts = {p: write(p, label) for p in paths}
        print(f"citations: {sum(counts.values())} rewritten in {sum(1 for n in counts.values() if n)} notebook(s)")
        for p, n in counts.items():
            if n:
                print(f"  {p.relative_to(ROOT) if p.is_relative_to(ROOT) else p}: {n}")
    found = [msg for p in paths for msg in problems(p, label)]
    if found:
        print(f"citations: {len(found)} problem(s); `python -m course_tools.citations --write` rewrites stale labels")
        print("\n".join(f"  {msg}" for msg in found))
        return 1
    if args.check:
        print(f"citations: every Markdown citation in {len(paths)} notebook(s) shows the book's label")
    return 0


if __name__ == "__main__":
    sys.exit(main())
