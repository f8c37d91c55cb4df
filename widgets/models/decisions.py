"""Decision tasks (issue 15 item 3): a patient case with a test result and the decision to choose
(data/decision_cases.yaml), and a pre-treatment plan built from a checklist (data/treatment_plans.yaml)."""

from __future__ import annotations

from dataclasses import dataclass

from widgets.data import load_dataset
from widgets.models.quiz import Option


@dataclass(frozen=True)
class DecisionCase:
    id: str
    chapter: str
    objectives: tuple[str, ...]
    vignette: str
    test: str
    result: str
    question: str
    options: tuple[Option, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class PlanItem:
    text: str
    include: bool
    feedback: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class TreatmentPlan:
    id: str
    chapter: str
    objectives: tuple[str, ...]
    scenario: str
    items: tuple[PlanItem, ...]
    sources: tuple[str, ...]


def load_decision_cases() -> list[DecisionCase]:
    return [
        DecisionCase(
            r["id"],
            r["chapter"],
            tuple(r["objectives"]),
            r["vignette"],
            r["test"],
            r["result"],
            r["question"],
            tuple(Option(**o) for o in r["options"]),
            tuple(r["sources"]),
        )
        for r in load_dataset("decision_cases").records
    ]


def load_treatment_plans() -> list[TreatmentPlan]:
    return [
        TreatmentPlan(
            r["id"],
            r["chapter"],
            tuple(r["objectives"]),
            r["scenario"],
            tuple(PlanItem(i["text"], i["include"], i["feedback"], tuple(i["sources"])) for i in r["items"]),
            tuple(r["sources"]),
        )
        for r in load_dataset("treatment_plans").records
    ]


def _one(records: list, record_id: str, file: str):
    found = {r.id: r for r in records}
    if record_id not in found:
        raise KeyError(f"no record {record_id!r} in data/{file}.yaml; known: {sorted(found)}")
    return found[record_id]


def decision_case(record_id: str) -> DecisionCase:
    return _one(load_decision_cases(), record_id, "decision_cases")


def treatment_plan(record_id: str) -> TreatmentPlan:
    return _one(load_treatment_plans(), record_id, "treatment_plans")
