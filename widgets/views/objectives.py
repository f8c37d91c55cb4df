"""A chapter's "Learning objectives" box, from data/objectives.yaml.

It is MyST Markdown, not a widget: the book renders `text/markdown` outputs as MyST (`nb_render_markdown_format:
myst`), so the box looks as the chapter's other admonitions do and its `{term}` links resolve; the slide builder
turns it into a deck box (tools/build_slides.py). Text from data has `<` escaped (widgets.text.myst_safe).
"""

from __future__ import annotations

from IPython.display import Markdown

from widgets.models.objectives import ChapterObjectives, chapter_objectives
from widgets.text import myst_line
from widgets.views.registry import builder

TITLE = "Learning objectives"


def objectives_markdown(chapter: ChapterObjectives) -> str:
    items = [f"{o.number}. {myst_line(o.text)}" for o in chapter.objectives]
    return "\n".join(
        [f"```{{admonition}} {TITLE}", ":class: tip", "By the end of this chapter you can:", *items, "```"]
    )


@builder(interactive=False, data_prose=False, records="objectives")
def learning_objectives(chapter: str) -> Markdown:
    """The chapter's learning objectives as the book's tip box; `chapter` is its slug (as for knowledge_check)."""
    return Markdown(objectives_markdown(chapter_objectives(chapter)))
