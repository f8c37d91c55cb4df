"""ASTCT 2019 consensus grading of CRS and ICANS in adults (Lee et al., Biol Blood Marrow Transplant 2019).

The scales, their domains, levels and words live in data/car_t_grading.yaml. Each finding is a level of one
domain and sets a grade on its own; the grade is the highest of them, unless a required domain (fever, for
CRS) is absent, which means no grade at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from widgets.data import load_dataset


@dataclass(frozen=True)
class Domain:
    id: str
    label: str
    levels: tuple[str, ...]
    grades: tuple[int, ...]  # the grade each level sets on its own
    notes: tuple[str | None, ...]  # words for that grade under the finding, where the scale's own do not fit
    required: bool = False  # at grade 0, the whole scale is at grade 0

    def grade(self, level: int) -> int:
        if not isinstance(level, int) or not 0 <= level < len(self.levels):
            raise ValueError(f"{self.id}: no level {level}; choose 0-{len(self.levels) - 1}")
        return self.grades[level]


@dataclass(frozen=True)
class Scale:
    id: str
    short: str
    title: str
    domains: tuple[Domain, ...]
    words: tuple[str, ...]  # grade 0 to 4
    explain_none: str
    explain_graded: str
    sources: tuple[str, ...]
    contribution: dict[str, str]  # the words of the line under a finding: "sets" ({grade}) and "nothing"
    without_required: str | None  # that line for every other finding while a required domain is absent

    def domain(self, domain_id: str) -> Domain:
        for d in self.domains:
            if d.id == domain_id:
                return d
        raise KeyError(f"{self.id}: unknown domain {domain_id!r}; known: {[d.id for d in self.domains]}")

    def fold(self, state: tuple[bool, int], k: int, level: int) -> tuple[bool, int]:
        """One domain's finding added to (required findings present so far, highest grade so far)."""
        grade = self.domains[k].grade(level)
        return state[0] and not (self.domains[k].required and grade == 0), max(state[1], grade)

    START = (True, 0)

    @staticmethod
    def finish(state: tuple[bool, int]) -> int:
        return state[1] if state[0] else 0

    def grade(self, *levels: int) -> int:
        """The grade (0-4) for one chosen level per domain, in the domains' order."""
        if len(levels) != len(self.domains):
            raise ValueError(f"{self.id}: give {len(self.domains)} levels, got {len(levels)}")
        state = self.START
        for k, level in enumerate(levels):
            state = self.fold(state, k, level)
        return self.finish(state)

    def explain(self, grade: int) -> str:
        return self.explain_graded if grade else self.explain_none

    @property
    def required(self) -> tuple[int, ...]:
        """The positions of the required domains (fever, for CRS)."""
        return tuple(k for k, d in enumerate(self.domains) if d.required)

    def contribution_of(self, k: int, level: int, required_present: bool = True) -> str:
        """The line under domain k's finding: what that finding contributes to the grade. While a required
        finding is absent, every other finding contributes nothing, whatever it would set on its own."""
        domain = self.domains[k]
        grade, note = domain.grade(level), domain.notes[level]
        if note:
            return note
        if not domain.required and not required_present:
            return self.without_required
        return self.contribution["sets"].format(grade=self.words[grade]) if grade else self.contribution["nothing"]

    def line_inputs(self, k: int) -> tuple[int, ...]:
        """The domains whose findings decide the line under domain k: the required ones, then k itself."""
        return (k,) if self.domains[k].required else (*self.required, k)

    def line(self, k: int, chosen: Sequence[int]) -> str:
        """The line under domain k for the levels `chosen` of `line_inputs(k)`, in that order."""
        inputs = self.line_inputs(k)
        present = all(self.domains[j].grade(i) > 0 for j, i in zip(inputs[:-1], chosen[:-1], strict=True))
        return self.contribution_of(k, chosen[-1], present)


@dataclass(frozen=True)
class Grading:
    scales: tuple[Scale, ...]
    note: str

    def scale(self, scale_id: str) -> Scale:
        for s in self.scales:
            if s.id == scale_id:
                return s
        raise KeyError(f"unknown scale {scale_id!r}; known: {[s.id for s in self.scales]}")

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(k for s in self.scales for k in s.sources))


def _domain(d: dict) -> Domain:
    levels: Sequence[dict] = d["levels"]
    return Domain(
        d["id"],
        d["label"],
        tuple(lv["text"] for lv in levels),
        tuple(lv["grade"] for lv in levels),
        tuple(lv.get("note") for lv in levels),
        d.get("required", False),
    )


def load_grading() -> Grading:
    ds = load_dataset("car_t_grading")
    scales = tuple(
        Scale(
            r["id"],
            r["short"],
            r["title"],
            tuple(_domain(d) for d in r["domains"]),
            tuple(r["grades"]),
            r["explain_none"],
            r["explain_graded"],
            tuple(r["sources"]),
            ds.meta["contribution"],
            r.get("without_required"),
        )
        for r in ds.records
    )
    return Grading(scales, ds.meta["note"])
