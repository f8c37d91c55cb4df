"""The TN-10 teplizumab trial at each published data cut (data/tn10_follow_up.yaml): the numbers as published,
and the two comparisons the chapter asks the learner to make (how long the delay is, and how it changes)."""

from __future__ import annotations

from dataclasses import dataclass

from widgets.data import load_dataset

ARMS = ("teplizumab", "placebo")


@dataclass(frozen=True)
class ArmValue:
    percent: float
    count: int | None = None


@dataclass(frozen=True)
class DataCut:
    id: str
    label: str
    published: str
    follow_up: str
    median_months: dict[str, float]
    statistic: str
    outcome_label: str
    outcome: dict[str, ArmValue]
    note: str
    sources: tuple[str, ...]

    @property
    def delay_months(self) -> float:
        """Difference between the median times to diagnosis, teplizumab minus placebo (months)."""
        return round(self.median_months["teplizumab"] - self.median_months["placebo"], 1)

    @property
    def median_ratio(self) -> float:
        return round(self.median_months["teplizumab"] / self.median_months["placebo"], 2)


@dataclass(frozen=True)
class TN10:
    name: str
    design: str
    arm_sizes: dict[str, int]
    arm_labels: dict[str, str]
    sources: tuple[str, ...]
    cuts: tuple[DataCut, ...]

    def cut(self, cut_id: str) -> DataCut:
        for c in self.cuts:
            if c.id == cut_id:
                return c
        raise KeyError(f"unknown TN-10 data cut {cut_id!r}; known: {[c.id for c in self.cuts]}")

    def longest_median(self) -> float:
        """The largest median of any arm at any cut: the common scale of the bars."""
        return max(m for c in self.cuts for m in c.median_months.values())

    def delays(self) -> dict[str, float]:
        """Delay in median time to diagnosis at each cut: it is not one fixed number."""
        return {c.id: c.delay_months for c in self.cuts}


def load_tn10() -> TN10:
    ds = load_dataset("tn10_follow_up")
    trial = ds.meta["trial"]
    cuts = tuple(
        DataCut(
            r["id"],
            r["label"],
            r["published"],
            r["follow_up"],
            dict(r["median_months"]),
            r["statistic"],
            r["outcome"]["label"],
            {arm: ArmValue(**r["outcome"][arm]) for arm in ARMS},
            r["note"],
            tuple(r["sources"]),
        )
        for r in ds.records
    )
    return TN10(
        trial["name"],
        trial["design"],
        {a["id"]: a["n"] for a in trial["arms"]},
        {a["id"]: a["label"] for a in trial["arms"]},
        tuple(trial["sources"]),
        cuts,
    )
