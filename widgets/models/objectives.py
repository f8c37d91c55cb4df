"""Learning objectives: one source (data/objectives.yaml), read by the chapters, the lecturer guide and every
assessment that names the objectives it assesses."""

from __future__ import annotations

from dataclasses import dataclass

from widgets.data import load_dataset


@dataclass(frozen=True)
class Objective:
    id: str
    text: str
    number: int  # its place in the chapter's list, 1-based


@dataclass(frozen=True)
class ChapterObjectives:
    chapter: str  # the chapter's slug, e.g. "car-t"
    path: str  # the notebook path without extension, e.g. "chapters/06_car_t"
    objectives: tuple[Objective, ...]
    sources: tuple[str, ...]

    @property
    def stem(self) -> str:
        """The notebook's file stem (06_car_t): decks and handouts are named after it."""
        return self.path.rsplit("/", 1)[-1]


def load_objectives() -> list[ChapterObjectives]:
    """Every chapter's objectives, in file order."""
    ds = load_dataset("objectives")
    return [
        ChapterObjectives(
            r["id"],
            r["chapter"],
            tuple(Objective(o["id"], o["text"], n) for n, o in enumerate(r["objectives"], 1)),
            tuple(r["sources"]),
        )
        for r in ds.records
    ]


def chapter_objectives(chapter: str) -> ChapterObjectives:
    """One chapter's objectives; an unknown slug is a clear error listing the known ones."""
    chapters = {c.chapter: c for c in load_objectives()}
    if chapter not in chapters:
        raise KeyError(
            f"no learning objectives for chapter {chapter!r} in data/objectives.yaml; known: {sorted(chapters)}"
        )
    return chapters[chapter]


def objective_index() -> dict[str, tuple[str, Objective]]:
    """objective id -> (chapter slug, objective)."""
    return {o.id: (c.chapter, o) for c in load_objectives() for o in c.objectives}
