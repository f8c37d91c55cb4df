"""A teaching model of total IgG, and of one dose of another IgG antibody, while an FcRn blocker is given.

IgG (relative to baseline, G = 1) is made at a constant rate and broken down at rate k: dG/dt = k0 - k(t) G,
with k0 = ln 2 / half-life. FcRn rescues every IgG, the body's own and a therapeutic one alike, so while it is
blocked both are broken down `factor` times faster: k(t) = factor * k0. Another antibody given once (C = 1 at
its dose) only decays: dC/dt = -k(t) C. Between the moments where k changes, both have exact exponential
solutions, so the curves are computed piece by piece, not by numerical integration.

The factor is not guessed: it is fitted so that one cycle lowers IgG by the measured fraction on the measured
day (data/fcrn_blockade.yaml). The model is not fitted to the recovery time after a cycle; that one is a check.
It is a teaching model, not a dosing tool.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

from widgets.data import load_dataset

BLOCKED = tuple[tuple[float, float], ...]  # [start, end) day ranges during which FcRn is blocked


@dataclass(frozen=True)
class Regimen:
    id: str
    label: str
    dose_interval_days: int
    doses_per_cycle: int | None  # None: dosing never stops
    cycle_every_days: int | None  # None: one cycle only
    text: str
    sources: tuple[str, ...]

    def dose_days(self, horizon: float) -> list[int]:
        if self.doses_per_cycle is None:
            return list(range(0, int(horizon) + 1, self.dose_interval_days))
        starts = [0] if self.cycle_every_days is None else list(range(0, int(horizon) + 1, self.cycle_every_days))
        return [
            s + i * self.dose_interval_days
            for s in starts
            for i in range(self.doses_per_cycle)
            if s + i * self.dose_interval_days <= horizon
        ]

    def blocked(self, horizon: float) -> BLOCKED:
        """FcRn counts as blocked from each dose until the next dose is due (one interval after the last)."""
        spans: list[list[float]] = []
        for day in self.dose_days(horizon):
            end = min(day + self.dose_interval_days, horizon)
            if spans and day <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], end)
            else:
                spans.append([day, end])
        return tuple((a, b) for a, b in spans)

    @property
    def last_dose_of_first_cycle(self) -> int | None:
        if self.doses_per_cycle is None:
            return None
        return (self.doses_per_cycle - 1) * self.dose_interval_days


@dataclass(frozen=True)
class OtherAntibody:
    id: str
    label: str
    day: int | None  # None: no other antibody
    text: str
    sources: tuple[str, ...]


def _rate_at(t: float, blocked: BLOCKED, k0: float, factor: float) -> float:
    return k0 * factor if any(a <= t < b for a, b in blocked) else k0


def _walk(
    blocked: BLOCKED, k0: float, factor: float, days: list[float], step, start: float, dose_day: float | None = None
) -> list[float]:
    """Carry a value from day 0 through every point where the rate changes (and every day asked for), with
    `step(value, rate, dt)` the exact solution over a piece of constant rate; a dose sets the value to 1."""
    edges = {0.0, *days, *(p for span in blocked for p in span)}
    if dose_day is not None:
        edges.add(dose_day)
    edges = sorted(e for e in edges if 0 <= e <= max(days))
    value, seen = start, {}
    for i, a in enumerate(edges):
        if a == dose_day:
            value = 1.0
        seen[a] = value
        if i + 1 < len(edges):
            value = step(value, _rate_at(a, blocked, k0, factor), edges[i + 1] - a)
    return [seen[d] for d in days]


def igg_curve(blocked: BLOCKED, k0: float, factor: float, days: list[float]) -> list[float]:
    """Total IgG (1 = baseline) on each of `days`: made at rate k0, broken down at the current rate."""

    def step(g: float, k: float, dt: float) -> float:
        steady = k0 / k
        return steady + (g - steady) * math.exp(-k * dt)

    return _walk(blocked, k0, factor, days, step, 1.0)


def decay_curve(blocked: BLOCKED, k0: float, factor: float, dose_day: float, days: list[float]) -> list[float]:
    """One dose (1 on `dose_day`) of another IgG antibody, broken down as IgG is; 0 before its dose."""
    return _walk(blocked, k0, factor, days, lambda c, k, dt: c * math.exp(-k * dt), 0.0, dose_day)


def fit_factor(k0: float, regimen: Regimen, reduction: float, day: int) -> float:
    """The blocking factor at which `regimen` lowers IgG by `reduction` (0-1) on `day` (bisection)."""
    if not 0 < reduction < 1:
        raise ValueError(f"the measured reduction must lie between 0 and 1, got {reduction}")
    blocked = regimen.blocked(day)
    target = 1 - reduction
    lo, hi = 1.0, 1000.0
    if igg_curve(blocked, k0, hi, [0.0, float(day)])[1] > target:
        raise ValueError(f"no blocking factor lowers IgG by {reduction:.0%} by day {day} with {regimen.id}")
    for _ in range(200):
        mid = (lo + hi) / 2
        if igg_curve(blocked, k0, mid, [0.0, float(day)])[1] > target:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


@dataclass(frozen=True)
class Scenario:
    """One regimen with one timing of the other antibody: the curves and the numbers a panel shows."""

    regimen: Regimen
    other: OtherAntibody
    k0: float
    factor: float
    horizon: int

    @cached_property
    def days(self) -> list[float]:
        return [float(d) for d in range(self.horizon + 1)]

    @cached_property
    def blocked(self) -> BLOCKED:
        return self.regimen.blocked(self.horizon)

    @cached_property
    def igg(self) -> list[float]:
        return igg_curve(self.blocked, self.k0, self.factor, self.days)

    @cached_property
    def other_with_blocker(self) -> list[float] | None:
        if self.other.day is None:
            return None
        return decay_curve(self.blocked, self.k0, self.factor, self.other.day, self.days)

    @cached_property
    def other_without_blocker(self) -> list[float] | None:
        if self.other.day is None:
            return None
        return decay_curve((), self.k0, 1.0, self.other.day, self.days)

    @property
    def nadir(self) -> tuple[float, int]:
        """(lowest IgG, the first day it is reached)."""
        low = min(self.igg)
        return low, self.igg.index(low)

    def day_igg_back_to(self, level: float = 0.9) -> int | None:
        """First day after the first cycle's blockade ends on which IgG is back to `level` of baseline."""
        if self.regimen.doses_per_cycle is None:
            return None
        end = int(self.blocked[0][1])
        return next((d for d in range(end, self.horizon + 1) if self.igg[d] >= level), None)

    def igg_on(self, day: int) -> float:
        return self.igg[day]

    def other_exposure_ratio(self, window_days: int = 56) -> float | None:
        """The other antibody's exposure (area under its curve) over `window_days` after its dose, with the
        blocker, as a fraction of the exposure without it."""
        if self.other.day is None:
            return None
        start, end = self.other.day, min(self.other.day + window_days, self.horizon)
        with_b = sum(self.other_with_blocker[start : end + 1])
        without = sum(self.other_without_blocker[start : end + 1])
        return with_b / without

    def other_level_ratio(self, after_days: int = 28) -> float | None:
        """The other antibody's level `after_days` after its dose, as a fraction of its level without the blocker."""
        if self.other.day is None:
            return None
        day = min(self.other.day + after_days, self.horizon)
        return self.other_with_blocker[day] / self.other_without_blocker[day]


@dataclass(frozen=True)
class FcRnModel:
    half_life_days: float
    reduction: float
    reduction_day: int
    recovery_weeks: float
    horizon: int
    regimens: tuple[Regimen, ...]
    others: tuple[OtherAntibody, ...]
    initial: tuple[int, int]  # indices of the opening regimen and other-antibody timing
    note: str
    note_sources: tuple[str, ...]
    parameter_texts: tuple[tuple[str, tuple[str, ...]], ...]  # (text, sources) of each measured input

    @property
    def k0(self) -> float:
        return math.log(2) / self.half_life_days

    @cached_property
    def factor(self) -> float:
        """How many times faster IgG is broken down while FcRn is blocked (fitted to one cycle)."""
        cycle = next(r for r in self.regimens if r.doses_per_cycle is not None)
        return fit_factor(self.k0, cycle, self.reduction, self.reduction_day)

    def scenario(self, regimen: int, other: int) -> Scenario:
        return Scenario(self.regimens[regimen], self.others[other], self.k0, self.factor, self.horizon)

    def scenarios(self) -> dict[tuple[int, int], Scenario]:
        return {(i, j): self.scenario(i, j) for i in range(len(self.regimens)) for j in range(len(self.others))}


def _choice_index(items, wanted: str, what: str) -> int:
    ids = [x.id for x in items]
    if wanted not in ids:
        raise ValueError(f"initial {what} '{wanted}' is not one of {ids}")
    return ids.index(wanted)


def load_fcrn_model() -> FcRnModel:
    ds = load_dataset("fcrn_blockade")
    by_role = {r["role"]: r for r in ds.records}
    regimens = tuple(
        Regimen(
            r["id"],
            r["label"],
            r["dose_interval_days"],
            r["doses_per_cycle"],
            r["cycle_every_days"],
            r["text"],
            tuple(r["sources"]),
        )
        for r in ds.meta["regimens"]
    )
    others = tuple(
        OtherAntibody(o["id"], o["label"], o["day"], o["text"], tuple(o["sources"])) for o in ds.meta["other_antibody"]
    )
    initial = (
        _choice_index(regimens, ds.meta["initial"]["regimen"], "regimen"),
        _choice_index(others, ds.meta["initial"]["other_antibody"], "other antibody"),
    )
    return FcRnModel(
        half_life_days=by_role["half-life"]["value"],
        reduction=by_role["cycle-reduction"]["value"],
        reduction_day=by_role["cycle-reduction"]["day"],
        recovery_weeks=by_role["recovery-check"]["value"],
        horizon=ds.meta["horizon_days"],
        regimens=regimens,
        others=others,
        initial=initial,
        note=ds.meta["note"],
        note_sources=tuple(ds.meta["note_sources"]),
        parameter_texts=tuple((r["text"], tuple(r["sources"])) for r in ds.records),
    )
