"""Patient-case explorer: a biomarker result, what it changes in the treatment decision, and why."""

from __future__ import annotations

from dataclasses import dataclass

from widgets.data import load_dataset


@dataclass(frozen=True)
class Outcome:
    result_id: str
    label: str
    decision: str
    verdict: str
    why: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class PatientCase:
    id: str
    title: str
    vignette: str
    biomarker: str
    outcomes: tuple[Outcome, ...]
    sources: tuple[str, ...]

    def outcome(self, result_id: str) -> Outcome:
        for o in self.outcomes:
            if o.result_id == result_id:
                return o
        raise KeyError(f"case {self.id!r} has no result {result_id!r}; known: {[o.result_id for o in self.outcomes]}")


@dataclass(frozen=True)
class PatientCases:
    as_of: str
    cases: tuple[PatientCase, ...]

    def case(self, case_id: str) -> PatientCase:
        for c in self.cases:
            if c.id == case_id:
                return c
        raise KeyError(f"unknown case {case_id!r}; known: {[c.id for c in self.cases]}")

    def case_outcome(self, case_id: str, result: str) -> Outcome:
        """What this biomarker result changes for this case, and why."""
        return self.case(case_id).outcome(result)

    def decision_changing(self, case_id: str) -> bool:
        """True if the results lead to different decisions, i.e. the test can change the decision."""
        return len({o.decision for o in self.case(case_id).outcomes}) > 1


def load_patient_cases() -> PatientCases:
    ds = load_dataset("patient_cases")
    cases = tuple(
        PatientCase(
            r["id"],
            r["title"],
            r["vignette"],
            r["biomarker"],
            tuple(
                Outcome(o["id"], o["label"], o["decision"], o["verdict"], o["why"], tuple(o["sources"]))
                for o in r["results"]
            ),
            tuple(r["sources"]),
        )
        for r in ds.records
    )
    return PatientCases(ds.meta["as_of"], cases)


def case_outcome(case_id: str, result: str) -> Outcome:
    """Module-level convenience for notebooks and tests: look up one case's outcome in the real data."""
    return load_patient_cases().case_outcome(case_id, result)
