"""Knowledge checks: questions with one correct option and feedback for every option, each with the cognitive
level and the objectives it assesses (the assessment blueprint, tests/test_blueprint.py)."""

from __future__ import annotations

from dataclasses import dataclass

from widgets.data import load_dataset


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Question:
    id: str
    chapter: str
    prompt: str
    options: tuple[Option, ...]
    sources: tuple[str, ...]
    level: str | None = None  # remember, understand, apply or analyse (revised Bloom taxonomy)
    objectives: tuple[str, ...] = ()  # ids from data/objectives.yaml
    interprets_data: bool = False  # the stem gives data to read: a vignette, a lab result, a trial table, a timeline

    @property
    def answer_letter(self) -> str:
        return letter(self.answer_index)

    @property
    def answer_index(self) -> int:
        return next(i for i, o in enumerate(self.options) if o.correct)

    def feedback_for(self, choice: int) -> Option:
        """The option chosen, with its feedback; a choice outside the options is a clear error."""
        if not isinstance(choice, int) or not 0 <= choice < len(self.options):
            raise ValueError(
                f"question '{self.id}': choice {choice!r} is not one of the "
                f"{len(self.options)} options (0-{len(self.options) - 1})"
            )
        return self.options[choice]


LEVELS = ("remember", "understand", "apply", "analyse")
APPLICATION_OR_ABOVE = frozenset(LEVELS[2:])


def letter(index: int) -> str:
    """The option letter shown on the buttons and in the lecturer guide: 0 -> A."""
    return chr(ord("A") + index)


SCORE_TEMPLATE = "Score: {correct} of {total} correct ({answered} answered)"


def score_text(questions: list[Question], choices: list[int | None]) -> str:
    """The running score for one knowledge check; `choices` holds each question's chosen option or None. The
    static page's script (course_tools/static/course-assessment.js) fills the same template, read from the page."""
    if len(choices) != len(questions):
        raise ValueError(f"{len(choices)} choices for {len(questions)} questions")
    answered = [(q, c) for q, c in zip(questions, choices, strict=True) if c is not None]
    correct = sum(q.feedback_for(c).correct for q, c in answered)
    return SCORE_TEMPLATE.format(correct=correct, total=len(questions), answered=len(answered))


def load_questions(chapter: str | None = None) -> list[Question]:
    """Questions from data/knowledge_checks.yaml (each with exactly one correct option), optionally one chapter's."""
    ds = load_dataset("knowledge_checks")
    questions = [
        Question(
            r["id"],
            r["chapter"],
            r["prompt"],
            tuple(Option(**o) for o in r["options"]),
            tuple(r["sources"]),
            r.get("level"),
            tuple(r.get("objectives", ())),
            r.get("interprets_data", False),
        )
        for r in ds.records
    ]
    if chapter is None:
        return questions
    chosen = [q for q in questions if q.chapter == chapter]
    if not chosen:
        known = sorted({q.chapter for q in questions})
        raise KeyError(f"no knowledge-check questions for chapter {chapter!r} in {ds.path.name}; known: {known}")
    return chosen
