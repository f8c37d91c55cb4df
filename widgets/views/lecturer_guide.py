"""The lecturer guide page's chapter sections, as MyST Markdown (the page's notebook renders it as MyST).

No ipywidgets here: the guide is reference text, read before a session. Text from the data files is Markdown;
`<` is escaped so that a data file cannot inject HTML into the page.
"""

from __future__ import annotations

from IPython.display import Markdown

# The one definition of a deck's path in the built book (course_tools.build_slides writes decks there).
from course_tools.conventions import deck_path
from widgets.models.lecturer_guide import ChapterGuide, Session, load_guide, load_schedule
from widgets.text import escape
from widgets.text import myst_line as _text
from widgets.text import myst_safe as _block
from widgets.views.registry import builder

HANDOUT_KINDS = {"worksheet": "Worksheet", "key": "Answer key"}


def handout_file(chapter: str, kind: str) -> str:
    """A chapter's printable handout in the built book (course_tools/build_handouts.py writes it; chapter pages,
    the guide and the decks link to it): kind is "worksheet" or "key"."""
    if kind not in HANDOUT_KINDS:
        raise ValueError(f"unknown handout kind {kind!r}; known: {sorted(HANDOUT_KINDS)}")
    return f"handouts/{chapter.rsplit('/', 1)[-1]}-{kind}.pdf"


def chapter_markdown(entry: ChapterGuide) -> str:
    number = f"{entry.number}. " if entry.number else ""
    lines = [f"## {number}{_text(entry.title)}", ""]
    facts = []
    if entry.chapter:
        facts.append(f"**Chapter page:** {{doc}}`/{entry.chapter}`")
        # A plain link: the deck is written after the Sphinx build, so a MyST link would be a missing reference.
        href = escape(f"../{deck_path(entry.chapter)}")
        facts.append(
            f'**Slide deck:** <a class="course-deck-link" href="{href}">{escape(deck_path(entry.chapter))}</a>'
        )
        handouts = [
            f'<a class="course-handout-link" href="{escape("../" + handout_file(entry.chapter, kind))}">'
            f"{label} (PDF)</a>"
            for kind, label in HANDOUT_KINDS.items()
        ]
        facts.append("**Handouts:** " + ", ".join(handouts))
    if entry.minutes:
        facts.append(f"**Timing:** about {entry.minutes} minutes for a learner working alone")
    if facts:
        lines += ["- " + f for f in facts] + [""]
    if not entry.chapter:
        lines += ["The guide record for this chapter is not written yet; only its answer key is shown.", ""]
    if entry.objectives:
        lines += ["### Learning objectives", ""] + [f"{o.number}. {_text(o.text)}" for o in entry.objectives] + [""]
    if entry.prompts:
        lines += ["### Discussion prompts and model answers", ""]
        for p in entry.prompts:
            lines.append(f"- {_text(p.prompt)}")
            if p.model_answer:
                lines.append(f"  *Model answer:* {_text(p.model_answer)}")
        lines.append("")
    for minutes, plan in ((50, entry.plan_50), (90, entry.plan_90)):
        if plan:
            lines += [f"### In {minutes} minutes: keep and cut", "", "**Keep:**", ""]
            lines += [f"- {_text(k)}" for k in plan.keep] + ["", "**Cut:**", ""] + [f"- {_text(c)}" for c in plan.cut]
            lines.append("")
    if entry.misconceptions:
        lines += ["### Misconceptions learners bring, and how to address them", ""]
        for m in entry.misconceptions:
            lines += [f"- **Belief:** {_text(m.belief)}", f"  **Response:** {_text(m.response)}"]
        lines.append("")
    if entry.questions:
        lines += ["### Answer key: knowledge check", ""]
        for i, q in enumerate(entry.questions, 1):
            right = q.options[q.answer_index]
            lines += [
                f"{i}. {_text(q.prompt)}",
                f"   **Answer {q.answer_letter}:** {_text(right.text)}.",
                f"   *Feedback shown:* {_text(right.feedback)}",
            ]
        lines.append("")
    if entry.decisions:
        lines += ["### Answer key: decision cases", ""]
        for i, c in enumerate(entry.decisions, 1):
            right = c.options[c.answer_index]
            lines += [
                f"{i}. {_text(c.test)}: {_text(c.question)}",
                f"   **Answer {c.answer_letter}:** {_text(right.text)}.",
                f"   *Feedback shown:* {_text(right.feedback)}",
            ]
        lines.append("")
    if entry.exercise_key:
        lines += ["### Answer key: exercise", "", _block(entry.exercise_key), ""]
    if entry.sources:
        lines += [f"**Sources:** {{cite:p}}`{','.join(entry.sources)}`", ""]
    return "\n".join(lines)


def guide_markdown(entries: list[ChapterGuide] | None = None) -> str:
    entries = load_guide() if entries is None else entries
    return "\n".join(chapter_markdown(e) for e in entries)


@builder(interactive=False, data_prose=False)
def lecturer_guide() -> Markdown:
    """Every chapter's section of the lecturer guide, from data/lecturer_guide.yaml and the knowledge checks."""
    return Markdown(guide_markdown())


def schedule_markdown(sessions: list[Session] | None = None, titles: dict[str, str] | None = None) -> str:
    """The suggested course of four 90-minute sessions, as MyST Markdown tables."""
    sessions = load_schedule() if sessions is None else sessions
    titles = {e.slug: e.title for e in load_guide()} if titles is None else titles
    lines = ["## A course in four 90-minute sessions", ""]
    for n, s in enumerate(sessions, 1):
        chapters = "; ".join(_text(titles.get(c, c)) for c in s.chapters)
        lines += [f"### Session {n}: {_text(s.title)}", "", f"**Chapters:** {chapters}", ""]
        if s.before:
            lines += [f"**Before the session:** {_text(s.before)}", ""]
        lines += ["| Minutes | Activity |", "|---|---|"]
        start = 0
        for minutes, activity in s.plan:
            lines.append(f"| {start}–{start + minutes} | {_text(activity).replace('|', '/')} |")
            start += minutes
        lines.append("")
    return "\n".join(lines)


@builder(interactive=False, data_prose=False)
def course_schedule() -> Markdown:
    """The lecturer guide's suggested course of four 90-minute sessions, from data/lecturer_guide.yaml."""
    return Markdown(schedule_markdown())
