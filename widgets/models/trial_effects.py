"""Trial results with confidence intervals (data/trial_effects.yaml), and what an interval shows: whether it
excludes no difference, and whether it stays under a non-inferiority margin."""

from __future__ import annotations

from dataclasses import dataclass

from widgets.data import DataError, Problem, load_dataset


@dataclass(frozen=True)
class Effect:
    id: str
    label: str
    estimate: float
    low: float
    high: float

    def excludes(self, value: float) -> bool:
        return not self.low <= value <= self.high


@dataclass(frozen=True)
class TrialResult:
    id: str
    trial: str
    design: str
    comparison: str
    measure: str
    no_difference: float
    above_one: str  # what a ratio above 1 means, in words
    margin: float | None
    outcomes: tuple[Effect, ...]
    sources: tuple[str, ...]

    def non_inferior(self, effect: Effect) -> bool | None:
        """Shown non-inferior when the whole interval lies under the margin; None without a margin."""
        return None if self.margin is None else effect.high < self.margin

    def reading(self, effect: Effect) -> str:
        """What the interval shows, in words derived from the numbers."""
        parts = ["excludes no difference" if effect.excludes(self.no_difference) else "includes no difference (1)"]
        if self.margin is not None:
            parts.append(
                f"its upper limit is {'below' if self.non_inferior(effect) else 'above'} the margin of {self.margin:g}"
            )
        return "; ".join(parts)


def load_trial_result(trial_id: str) -> TrialResult:
    ds = load_dataset("trial_effects")
    for r in ds.records:
        if r["id"] == trial_id:
            return TrialResult(
                r["id"],
                r["trial"],
                " ".join(r["design"].split()),
                r["comparison"],
                r["measure"],
                r["no_difference"],
                r["above_one"],
                r.get("non_inferiority_margin"),
                tuple(Effect(o["id"], o["label"], o["estimate"], o["low"], o["high"]) for o in r["outcomes"]),
                tuple(r["sources"]),
            )
    raise DataError(
        ds.path, [Problem(None, None, f"no record with id '{trial_id}'; records: {[r['id'] for r in ds.records]}")]
    )
