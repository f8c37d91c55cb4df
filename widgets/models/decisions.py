"""Decision tasks (issue 15 item 3): a patient case with a test result and the decision to choose
(data/decision_cases.yaml), and a pre-treatment plan built from a checklist (data/treatment_plans.yaml)."""

from __future__ import annotations

from dataclasses import dataclass

from widgets.data import load_dataset
from widgets.models.quiz import Option, Question


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

    # Choosing the decision after reading a case and its test result is application by definition, and the
    # result is data to interpret: so a decision case counts in the blueprint as an "apply" item that interprets
    # data, and its options face the same answer-cue limits as a knowledge check's (widgets.models.blueprint).
    def as_item(self) -> Question:
        return Question(
            self.id,
            self.chapter,
            self.question,
            self.options,
            self.sources,
            level="apply",
            objectives=self.objectives,
            interprets_data=True,
        )

    @property
    def answer_index(self) -> int:
        return self.as_item().answer_index

    @property
    def answer_letter(self) -> str:
        return self.as_item().answer_letter


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


def chapter_decision_cases(chapter: str) -> list[DecisionCase]:
    """One chapter's decision cases, in file order (the lecturer guide and the handouts list them so)."""
    return [c for c in load_decision_cases() if c.chapter == chapter]


def decision_case(record_id: str) -> DecisionCase:
    return _one(load_decision_cases(), record_id, "decision_cases")


def treatment_plan(record_id: str) -> TreatmentPlan:
    return _one(load_treatment_plans(), record_id, "treatment_plans")
