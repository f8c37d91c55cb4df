"""The assessment blueprint (issue 15): what a chapter's knowledge check must meet, and the answer cues a
test-wise learner could use without reading (the keyed option being the longest, or always in one position).

Plain functions over `Question`s, so the blueprint test (tests/test_blueprint.py) and any report share one
definition of each rule. A chapter's assessed items are its knowledge-check questions and its decision cases
(`chapter_items`): a decision case is an application item that interprets data (DecisionCase.as_item), so a
chapter assessed by decision cases, such as the capstone, meets the same blueprint.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from widgets.models.decisions import load_decision_cases
from widgets.models.quiz import APPLICATION_OR_ABOVE, Question, letter, load_questions

MIN_ITEMS = 5
OPTIONS = 4
MIN_APPLICATION_SHARE = 0.40
MAX_CUE_SHARE = 0.35  # keyed option longest, or keys in one position: at most this share of items


def chapter_items(chapter: str) -> list[Question]:
    """Every assessed multiple-choice item of one chapter: its knowledge-check questions, then its decision cases."""
    return [q for q in load_questions() if q.chapter == chapter] + [
        c.as_item() for c in load_decision_cases() if c.chapter == chapter
    ]


def key_is_longest(q: Question) -> bool:
    """The keyed option is longer than every other one (a tie gives a learner no cue)."""
    key = len(q.options[q.answer_index].text)
    return all(key > len(o.text) for i, o in enumerate(q.options) if i != q.answer_index)


def chapter_faults(questions: list[Question]) -> list[str]:
    """Every way one chapter's items miss the blueprint; empty when they meet it."""
    faults = []
    if len(questions) < MIN_ITEMS:
        faults.append(f"{len(questions)} items, fewer than {MIN_ITEMS}")
    for q in questions:
        if len(q.options) != OPTIONS:
            faults.append(f"item '{q.id}' has {len(q.options)} options, not {OPTIONS}")
        if not q.objectives:
            faults.append(f"item '{q.id}' names no objectives")
        if q.level is None:
            faults.append(f"item '{q.id}' has no level")
    applied = sum(q.level in APPLICATION_OR_ABOVE for q in questions)
    if questions and applied / len(questions) < MIN_APPLICATION_SHARE:
        faults.append(
            f"{applied} of {len(questions)} items at application level or above, under {MIN_APPLICATION_SHARE:.0%}"
        )
    if not any(q.interprets_data for q in questions):
        faults.append("no item interprets data (interprets_data: true)")
    return faults


@dataclass(frozen=True)
class CueShares:
    items: int
    key_longest: float  # share of items whose keyed option is the longest
    positions: dict[str, float]  # letter -> share of keys in that position

    def faults(self) -> list[str]:
        out = []
        if self.key_longest > MAX_CUE_SHARE:
            out.append(
                f"the keyed option is the longest in {self.key_longest:.0%} of items (limit {MAX_CUE_SHARE:.0%})"
            )
        out += [
            f"position {pos} holds {share:.0%} of keys (limit {MAX_CUE_SHARE:.0%})"
            for pos, share in self.positions.items()
            if share > MAX_CUE_SHARE
        ]
        return out


def cue_shares(questions: list[Question]) -> CueShares:
    n = len(questions)
    if not n:
        raise ValueError("no items to measure")
    keys = Counter(q.answer_letter for q in questions)
    width = max(len(q.options) for q in questions)
    return CueShares(n, sum(map(key_is_longest, questions)) / n, {letter(i): keys[letter(i)] / n for i in range(width)})
