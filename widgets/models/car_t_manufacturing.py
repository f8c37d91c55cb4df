"""The steps of making and giving an autologous CAR T-cell product, and the vein-to-vein time they add up to."""

from __future__ import annotations

from dataclasses import dataclass

from widgets.data import load_dataset

LOCATIONS = {
    "treatment-centre": "Treatment centre",
    "in-transit": "In transit",
    "manufacturing-facility": "Manufacturing facility",
}


@dataclass(frozen=True)
class Duration:
    typical: float
    min: float
    max: float
    basis: str  # "reported" or "illustrative" (a teaching estimate; see the data file)


@dataclass(frozen=True)
class Step:
    id: str
    number: int
    title: str
    short: str
    location: str
    who: str
    what: str
    checks: str
    duration: Duration
    in_vein_to_vein: bool
    can_go_wrong: str
    sources: tuple[str, ...]

    @property
    def location_label(self) -> str:
        return LOCATIONS[self.location]


@dataclass(frozen=True)
class CitedFigure:
    label: str
    days: float
    source: str


@dataclass(frozen=True)
class Manufacturing:
    steps: tuple[Step, ...]
    as_of: str
    cited_vein_to_vein: tuple[CitedFigure, ...]
    cited_turnaround: tuple[CitedFigure, ...]

    def vein_to_vein(self) -> tuple[float, float, float]:
        """(shortest, typical, longest) days from leukapheresis to infusion: the sum over the steps in between."""
        inside = [s.duration for s in self.steps if s.in_vein_to_vein]
        return (sum(d.min for d in inside), sum(d.typical for d in inside), sum(d.max for d in inside))

    def turnaround(self) -> tuple[float, float, float]:
        """(shortest, typical, longest) days from leukapheresis to product release (steps 2 to 8)."""
        inside = [s.duration for s in self.steps if s.in_vein_to_vein and s.id not in ("lymphodepletion", "infusion")]
        return (sum(d.min for d in inside), sum(d.typical for d in inside), sum(d.max for d in inside))

    def offsets(self) -> dict[str, tuple[float, float]]:
        """Typical (start, end) day of each step, counted from leukapheresis (day 0). Steps before the
        collection get negative days; follow-up starts at the infusion."""
        out: dict[str, tuple[float, float]] = {}
        day = 0.0
        for s in self.steps:
            if s.in_vein_to_vein:
                out[s.id] = (day, day + s.duration.typical)
                day += s.duration.typical
        first = next(i for i, s in enumerate(self.steps) if s.in_vein_to_vein)
        before = 0.0
        for s in reversed(self.steps[:first]):
            out[s.id] = (before - s.duration.typical, before)
            before -= s.duration.typical
        for s in self.steps:
            if s.id not in out:
                out[s.id] = (day, day + s.duration.typical)
        return out


def load_manufacturing() -> Manufacturing:
    ds = load_dataset("car_t_manufacturing")
    steps = tuple(
        Step(
            r["id"],
            r["step"],
            r["title"],
            r["short"],
            r["location"],
            r["who"],
            r["what"],
            r["checks"],
            Duration(**r["duration"]),
            r["in_vein_to_vein"],
            r["can_go_wrong"],
            tuple(r["sources"]),
        )
        for r in ds.records
    )
    cite = lambda group: tuple(CitedFigure(**f) for f in ds.meta[group])  # noqa: E731
    return Manufacturing(steps, str(ds.meta["as_of"]), cite("cited_vein_to_vein"), cite("cited_turnaround"))
