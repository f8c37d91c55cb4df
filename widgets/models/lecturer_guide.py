"""Lecturer guide: one entry per chapter, joining data/lecturer_guide.yaml with the chapter's knowledge checks and
decision cases (data/decision_cases.yaml), whose keys the guide gives by letter.

A chapter appears as soon as either file has a record for it, so new chapters need no change here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from widgets.data import load_dataset
from widgets.models.decisions import DecisionCase, load_decision_cases
from widgets.models.objectives import Objective, load_objectives
from widgets.models.quiz import Question, load_questions


@dataclass(frozen=True)
class Misconception:
    belief: str
    response: str


@dataclass(frozen=True)
class Prompt:
    prompt: str
    model_answer: str | None  # None while the chapter's record is not converted (tests/assessment_pending.py)


@dataclass(frozen=True)
class Plan:
    keep: tuple[str, ...]
    cut: tuple[str, ...]


@dataclass(frozen=True)
class Session:
    title: str
    chapters: tuple[str, ...]
    before: str
    plan: tuple[tuple[int, str], ...]  # (minutes, activity)

    @property
    def minutes(self) -> int:
        return sum(m for m, _ in self.plan)


@dataclass(frozen=True)
class ChapterGuide:
    slug: str
    chapter: str | None  # notebook path without extension, e.g. chapters/01_autoimmunity
    title: str
    minutes: int | None = None
    objectives: tuple[Objective, ...] = ()  # from data/objectives.yaml, the one source
    prompts: tuple[Prompt, ...] = ()
    misconceptions: tuple[Misconception, ...] = ()
    exercise_key: str = ""
    sources: tuple[str, ...] = ()
    questions: tuple[Question, ...] = field(default=())
    decisions: tuple[DecisionCase, ...] = ()  # the chapter's decision cases, in file order
    plan_50: Plan | None = None
    plan_90: Plan | None = None

    @property
    def number(self) -> int | None:
        """The chapter number from its file name (chapters/NN_name), if it has one."""
        m = re.search(r"/(\d\d)_", self.chapter or "")
        return int(m.group(1)) if m else None


def load_guide() -> list[ChapterGuide]:
    """Every chapter in the guide data or the knowledge checks, in chapter order (numbered chapters first)."""
    guide = load_dataset("lecturer_guide")
    objectives = {c.chapter: c.objectives for c in load_objectives()}
    questions = load_questions()
    by_slug: dict[str, list[Question]] = {}
    for q in questions:
        by_slug.setdefault(q.chapter, []).append(q)
    decisions: dict[str, list[DecisionCase]] = {}
    for c in load_decision_cases():
        decisions.setdefault(c.chapter, []).append(c)
    entries = [
        ChapterGuide(
            slug=r["id"],
            chapter=r["chapter"],
            title=r["title"],
            minutes=r["minutes"],
            objectives=objectives.get(r["id"], ()),
            prompts=tuple(_prompt(p) for p in r["prompts"]),
            misconceptions=tuple(Misconception(**m) for m in r["misconceptions"]),
            exercise_key=r["exercise_key"],
            sources=tuple(r["sources"]),
            questions=tuple(by_slug.pop(r["id"], ())),
            decisions=tuple(decisions.get(r["id"], ())),
            plan_50=_plan(r.get("plan_50")),
            plan_90=_plan(r.get("plan_90")),
        )
        for r in guide.records
    ]
    # A chapter whose knowledge check exists before its guide record still gets its answer key.
    entries += [
        ChapterGuide(slug=slug, chapter=None, title=slug.replace("-", " ").capitalize(), questions=tuple(qs))
        for slug, qs in by_slug.items()
    ]
    return sorted(entries, key=lambda e: (e.number is None, e.number or 0, e.slug))


def _prompt(p: str | dict) -> Prompt:
    return Prompt(p, None) if isinstance(p, str) else Prompt(p["prompt"], p["model_answer"])


def _plan(p: dict | None) -> Plan | None:
    return None if p is None else Plan(tuple(p["keep"]), tuple(p["cut"]))


def load_schedule() -> list[Session]:
    """The suggested course of four 90-minute sessions (data/lecturer_guide.yaml, `schedule`)."""
    return [
        Session(
            s["title"],
            tuple(s["chapters"]),
            s.get("before", ""),
            tuple((a["minutes"], a["activity"]) for a in s["plan"]),
        )
        for s in load_dataset("lecturer_guide").meta.get("schedule", [])
    ]
