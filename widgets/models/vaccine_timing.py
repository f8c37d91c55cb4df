"""Vaccine timing around immunomodulatory therapy: a therapy and a vaccine -> a verdict, when, and why, from
data/vaccine_timing.yaml. A teaching model, not clinical decision support."""

from __future__ import annotations

from dataclasses import dataclass

from widgets.data import load_dataset


@dataclass(frozen=True)
class Choice:
    id: str
    label: str
    detail: str
    live: bool = False  # vaccines only


@dataclass(frozen=True)
class Verdict:
    id: str
    symbol: str
    label: str


@dataclass(frozen=True)
class Advice:
    drug: Choice
    vaccine: Choice
    verdict: Verdict
    when: str
    why: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class VaccineTiming:
    as_of: str
    drugs: tuple[Choice, ...]
    vaccines: tuple[Choice, ...]
    advice: dict[tuple[str, str], Advice]

    def plan(self, drug_id: str, vaccine_id: str) -> Advice:
        try:
            return self.advice[(drug_id, vaccine_id)]
        except KeyError:
            raise KeyError(
                f"no advice for drug {drug_id!r} and vaccine {vaccine_id!r}; drugs: "
                f"{[d.id for d in self.drugs]}, vaccines: {[v.id for v in self.vaccines]}"
            ) from None

    def verdicts_for(self, vaccine_id: str) -> dict[str, str]:
        """Drug id -> verdict id for one vaccine (e.g. which therapies defer it)."""
        return {d.id: self.plan(d.id, vaccine_id).verdict.id for d in self.drugs}


def load_vaccine_timing() -> VaccineTiming:
    ds = load_dataset("vaccine_timing")
    m = ds.meta
    drugs = {d["id"]: Choice(d["id"], d["label"], d["detail"]) for d in m["drugs"]}
    vaccines = {v["id"]: Choice(v["id"], v["label"], v["detail"], v["live"]) for v in m["vaccines"]}
    verdicts = {v["id"]: Verdict(v["id"], v["symbol"], v["label"]) for v in m["verdicts"]}
    advice = {
        (r["drug"], r["vaccine"]): Advice(
            drugs[r["drug"]], vaccines[r["vaccine"]], verdicts[r["verdict"]], r["when"], r["why"], tuple(r["sources"])
        )
        for r in ds.records
    }
    return VaccineTiming(m["as_of"], tuple(drugs.values()), tuple(vaccines.values()), advice)
