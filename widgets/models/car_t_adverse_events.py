"""Side effects of CAR T-cell therapy on a timeline (days from infusion), for two bodies of evidence."""

from __future__ import annotations

from dataclasses import dataclass

from widgets.data import load_dataset

EVIDENCE = {"oncology": "Oncology product labels", "autoimmune": "Autoimmune studies"}


@dataclass(frozen=True)
class Window:
    start: int | None  # day from infusion; None = no timing data for this evidence
    end: int | None
    onset_median: float | None
    onset_range: str | None
    duration: str | None
    summary: str
    sources: tuple[str, ...]

    @property
    def has_timing(self) -> bool:
        return self.start is not None

    def contains(self, day: int) -> bool:
        return self.has_timing and self.start <= day <= self.end


@dataclass(frozen=True)
class AdverseEvent:
    id: str
    name: str
    short: str
    grading: str
    management: str
    evidence: dict[str, Window]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class SideEffects:
    events: tuple[AdverseEvent, ...]
    as_of: str

    def events_active_on(self, day: int, evidence: str = "oncology") -> list[AdverseEvent]:
        """Events whose typical window for `evidence` contains `day` (days from infusion; negative = before)."""
        if evidence not in EVIDENCE:
            raise ValueError(f"unknown evidence {evidence!r}; choose one of {sorted(EVIDENCE)}")
        return [e for e in self.events if e.evidence[evidence].contains(day)]

    def without_timing(self, evidence: str) -> list[AdverseEvent]:
        return [e for e in self.events if not e.evidence[evidence].has_timing]


def load_side_effects() -> SideEffects:
    ds = load_dataset("car_t_adverse_events")
    events = []
    for r in ds.records:
        windows = {
            ev: Window(
                w["start"],
                w["end"],
                w["onset_median"],
                w["onset_range"],
                w["duration"],
                w["summary"],
                tuple(w["sources"]),
            )
            for ev, w in r["evidence"].items()
        }
        events.append(
            AdverseEvent(r["id"], r["name"], r["short"], r["grading"], r["management"], windows, tuple(r["sources"]))
        )
    return SideEffects(tuple(events), str(ds.meta["as_of"]))


def day_label(day: int) -> str:
    named = {
        -5: "day −5 (lymphodepletion starts)",
        0: "day 0 (infusion)",
        182: "6 months",
        365: "1 year",
        1095: "3 years (years later)",
    }
    if day in named:
        return named[day]
    return f"day {day:+d}".replace("-", "−")


def timeline_days() -> list[int]:
    """The days the timeline control offers: daily to day 28, weekly to day 91, then 6 months, 1 year, 3 years."""
    return list(range(-5, 29)) + list(range(35, 92, 7)) + [182, 365, 1095]
