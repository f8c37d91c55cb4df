"""A teaching model of antibody concentration over time: one compartment, first-order elimination, repeated
equal doses given as instant (bolus) doses. It shows why the half-life and the dosing interval together decide
peaks, troughs and accumulation. It is not a dosing tool.

Concentrations are relative: 1.0 is the peak after a single dose (dose / volume). By superposition,
C(t) = sum over doses n given so far of D * exp(-k (t - n*tau)), with k = ln 2 / half-life.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from widgets.data import load_dataset


def elimination_rate(half_life_days: float) -> float:
    if half_life_days <= 0:
        raise ValueError(f"half-life must be positive, got {half_life_days}")
    return math.log(2) / half_life_days


@dataclass(frozen=True)
class DosingScenario:
    half_life_days: float
    interval_days: float
    n_doses: int = 1000  # effectively 'keeps going' over any horizon drawn
    dose: float = 1.0

    def __post_init__(self):
        if self.half_life_days <= 0:
            raise ValueError(f"half-life must be positive, got {self.half_life_days}")
        if self.interval_days <= 0:
            raise ValueError(f"dosing interval must be positive, got {self.interval_days}")
        if self.n_doses < 1:
            raise ValueError(f"need at least one dose, got {self.n_doses}")

    @property
    def k(self) -> float:
        return elimination_rate(self.half_life_days)

    def doses_given_by(self, t: float) -> int:
        """Number of doses given at or before time t (a dose at exactly t counts: C(t) is just after it)."""
        if t < 0:
            return 0
        return min(self.n_doses, math.floor(t / self.interval_days + 1e-9) + 1)

    def concentration_sum(self, t: float) -> float:
        """Direct superposition: one decaying exponential per dose already given."""
        return sum(self.dose * math.exp(-self.k * (t - n * self.interval_days)) for n in range(self.doses_given_by(t)))

    def concentration(self, t: float) -> float:
        """Closed form of the same sum (a geometric series), used for drawing."""
        m = self.doses_given_by(t)
        if m == 0:
            return 0.0
        r = math.exp(-self.k * self.interval_days)
        last = (m - 1) * self.interval_days
        return self.dose * math.exp(-self.k * (t - last)) * (1 - r**m) / (1 - r)

    @property
    def accumulation_ratio(self) -> float:
        """Steady-state peak divided by the single-dose peak: 1 / (1 - exp(-k tau))."""
        return 1 / (1 - math.exp(-self.k * self.interval_days))

    @property
    def steady_peak(self) -> float:
        return self.dose * self.accumulation_ratio

    @property
    def steady_trough(self) -> float:
        return self.steady_peak * math.exp(-self.k * self.interval_days)

    @property
    def half_lives_per_interval(self) -> float:
        return self.interval_days / self.half_life_days

    @property
    def trough_share_of_peak(self) -> float:
        """How much of the peak is left just before the next dose: 2 ** -(tau / half-life)."""
        return math.exp(-self.k * self.interval_days)

    def curve(self, horizon_days: float, points_per_interval: int = 12) -> list[tuple[float, float]]:
        """(day, concentration) points: each interval sampled evenly, plus the value just before each dose,
        so a drawn line shows the jump at every dose."""
        pts: list[tuple[float, float]] = []
        n_intervals = math.ceil(horizon_days / self.interval_days)
        for n in range(n_intervals):
            start = n * self.interval_days
            end = min(start + self.interval_days, horizon_days)
            steps = max(2, math.ceil(points_per_interval * (end - start) / self.interval_days))
            for s in range(steps + 1):
                t = start + (end - start) * s / steps
                if s == steps and end < horizon_days:
                    pts.append((t, self.concentration(t - 1e-9)))  # just before the next dose
                else:
                    pts.append((t, self.concentration(t)))
        return pts


@dataclass(frozen=True)
class ModelChoices:
    """What the chapter's explorer offers (data/pharmacokinetics.yaml): the settings, the opening one, and
    what the model leaves out."""

    half_lives: tuple[float, ...]
    intervals: tuple[float, ...]
    initial: tuple[float, float]  # (half-life, interval)
    note: str
    sources: tuple[str, ...]

    def scenarios(self) -> dict[tuple[float, float], DosingScenario]:
        return {(h, tau): DosingScenario(h, tau) for h in self.half_lives for tau in self.intervals}


def load_model_choices() -> ModelChoices:
    ds = load_dataset("pharmacokinetics")
    (record,) = ds.records
    return ModelChoices(
        tuple(ds.meta["half_lives"]),
        tuple(ds.meta["intervals"]),
        (ds.meta["initial"]["half_life"], ds.meta["initial"]["interval"]),
        record["note"],
        tuple(record["sources"]),
    )
