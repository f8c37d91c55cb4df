"""B-cell depletion and return after a therapy (data/b_cell_return.yaml): which phase each therapy is in at a
given week, as its sources report it; a week no phase covers is not reported."""

from __future__ import annotations

from dataclasses import dataclass

from widgets.data import load_dataset


@dataclass(frozen=True)
class Phase:
    state: str
    start: int
    until: int | None  # None: open-ended
    text: str
    sources: tuple[str, ...]

    def covers(self, week: int) -> bool:
        return self.start <= week and (self.until is None or week < self.until)


@dataclass(frozen=True)
class Course:
    id: str
    label: str
    phases: tuple[Phase, ...]
    sources: tuple[str, ...]

    def at(self, week: int) -> Phase | None:
        return next((p for p in self.phases if p.covers(week)), None)

    @property
    def reported_until(self) -> int | None:
        """The last week the sources report on (None: open-ended)."""
        return self.phases[-1].until


@dataclass(frozen=True)
class BCellReturn:
    as_of: str
    weeks: tuple[int, ...]
    states: dict[str, str]  # id -> label, in order
    courses: tuple[Course, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(k for c in self.courses for p in c.phases for k in (*p.sources, *c.sources)))


def load_b_cell_return() -> BCellReturn:
    ds = load_dataset("b_cell_return")
    courses = tuple(
        Course(
            r["id"],
            r["label"],
            tuple(
                Phase(p["state"], p["from"], p["until"], " ".join(p["text"].split()), tuple(p["sources"]))
                for p in r["phases"]
            ),
            tuple(r["sources"]),
        )
        for r in ds.records
    )
    return BCellReturn(
        ds.meta["as_of"], tuple(ds.meta["weeks"]), {s["id"]: s["label"] for s in ds.meta["states"]}, courses
    )
