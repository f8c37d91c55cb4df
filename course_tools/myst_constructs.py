"""Cross-references that read the same in the book and in JupyterLab.

The book renders a bare {ref}`label` (or {doc}`page`) as the target's heading. In JupyterLab, jupyterlab-myst sees
one notebook at a time, cannot resolve a label in another chapter, and shows the bare label ("monoclonal-antibodies").
With the text written out, {ref}`2. Monoclonal antibodies <monoclonal-antibodies>`, both show the same words. This
tool writes that text, the target's heading as the book shows it, into every chapter in _toc.yml, and refreshes it
when a heading changes.

    python -m course_tools.myst_constructs          # write or refresh the text of every {ref} and {doc} in the chapters
    python -m course_tools.myst_constructs --check  # exit 1 if any is missing or stale
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path, PurePosixPath

from course_tools.conventions import ROOT, chapter_notebooks, toc_docs

XREF = re.compile(r"\{(?P<role>ref|doc)\}`(?:(?P<text>[^`<]*?)\s*<(?P<target>[^`>]+)>|(?P<bare>[^`<>]+))`")
LABEL = re.compile(r"^\((?P<label>[\w.:-]+)\)=[ \t]*\n(?:[ \t]*\n)*#+[ \t]+(?P<title>.+?)[ \t]*$", re.M)
HEADING = re.compile(r"^#[ \t]+(?P<title>.+?)[ \t]*$", re.M)


def markdown_of(doc: str, root: Path = ROOT) -> list[str]:
    nb = root / f"{doc}.ipynb"
    if nb.exists():
        return [
            "".join(c["source"])
            for c in json.loads(nb.read_text(encoding="utf-8"))["cells"]
            if c["cell_type"] == "markdown"
        ]
    md = root / f"{doc}.md"
    return [md.read_text(encoding="utf-8")] if md.exists() else []


def targets(root: Path = ROOT) -> tuple[dict[str, str], dict[str, str]]:
    """Every `(label)=` before a heading, label -> heading; every toc document, docname -> its first heading."""
    labels, docs = {}, {}
    for doc in toc_docs(root):
        for text in markdown_of(doc, root):
            labels.update({m["label"]: m["title"] for m in LABEL.finditer(text)})
            if doc not in docs and (h := HEADING.search(text)):
                docs[doc] = h["title"]
    return labels, docs


class UnknownTarget(ValueError):
    pass


def rewrite(text: str, doc: str, labels: dict[str, str], docs: dict[str, str]) -> str:
    def one(m: re.Match) -> str:
        target = (m["target"] or m["bare"]).strip()
        if m["role"] == "ref":
            title = labels.get(target)
        else:
            path = PurePosixPath(doc).parent / target if not target.startswith("/") else PurePosixPath(target[1:])
            title = docs.get(str(path))
        if title is None:
            raise UnknownTarget(f"{doc}: {m.group(0)} names no heading in the book")
        return f"{{{m['role']}}}`{title} <{target}>`"

    return XREF.sub(one, text)


def apply(nb: dict, doc: str, labels: dict[str, str], docs: dict[str, str]) -> bool:
    changed = False
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        source = "".join(cell["source"])
        new = rewrite(source, doc, labels, docs)
        if new != source:
            cell["source"] = new.splitlines(keepends=True)
            changed = True
    return changed


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="report chapters that need a rewrite; change nothing")
    args = ap.parse_args(argv)
    labels, docs = targets()
    stale = []
    for doc in chapter_notebooks():
        path = ROOT / f"{doc}.ipynb"
        nb = json.loads(path.read_text(encoding="utf-8"))
        if apply(nb, doc, labels, docs):
            stale.append(doc)
            if not args.check:
                path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    verb = "need their {ref}/{doc} text written" if args.check else "updated"
    print(f"cross-references: {len(stale)} chapter(s) {verb}" + "".join(f"\n  {d}" for d in stale))
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
