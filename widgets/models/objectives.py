"""Learning objectives: one source (data/objectives.yaml), read by the chapters, the lecturer guide and every
assessment that names the objectives it assesses."""
from __future__ import annotations

from dataclasses import dataclass

from widgets.data import DataError, Dataset, Problem, load_dataset
from widgets.data.loader import record_label


@dataclass(frozen=True)
class Objective:
    id: str
    text: str
    number: int  # its place in the chapter's list, 1-based


@dataclass(frozen=True)
class ChapterObjectives:
    chapter: str  # the chapter's slug, e.g. "car-t"
    path: str     # the notebook path without extension, e.g. "chapters/06_car_t"
    objectives: tuple[Objective, ...]
    sources: tuple[str, ...]

    @property
    def stem(self) -> str:
        """The notebook's file stem (06_car_t): decks and handouts are named after it."""
        return self.path.rsplit("/", 1)[-1]


def load_objectives() -> list[ChapterObjectives]:
    """Every chapter's objectives, in file order."""
    ds = load_dataset("objectives")
    return [ChapterObjectives(r["id"], r["chapter"],
                              tuple(Objective(o["id"], o["text"], n) for n, o in enumerate(r["objectives"], 1)),
                              tuple(r["sources"])) for r in ds.records]


def chapter_objectives(chapter: str) -> ChapterObjectives:
    """One chapter's objectives; an unknown slug is a clear error listing the known ones."""
    chapters = {c.chapter: c for c in load_objectives()}
    if chapter not in chapters:
        raise KeyError(f"no learning objectives for chapter {chapter!r} in data/objectives.yaml; "
                       f"known: {sorted(chapters)}")
    return chapters[chapter]


def objective_index() -> dict[str, tuple[str, Objective]]:
    """objective id -> (chapter slug, objective)."""
    return {o.id: (c.chapter, o) for c in load_objectives() for o in c.objectives}


def check_objective_refs(ds: Dataset, field: str = "objectives") -> None:
    """Every record of `ds` that names objectives names known ones of its own chapter (records carry a
    `chapter` slug); one DataError lists every fault, naming the file, the record and the field."""
    index = objective_index()
    problems = []
    for i, r in enumerate(ds.records):
        for j, oid in enumerate(r.get(field, ())):
            where = (record_label(i, r), f"{field}.{j}")
            if oid not in index:
                problems.append(Problem(*where, f"unknown objective '{oid}'; the chapter's objectives are "
                                                f"{_ids_of(index, r.get('chapter'))} (data/objectives.yaml)"))
            elif "chapter" in r and index[oid][0] != r["chapter"]:
                problems.append(Problem(*where, f"objective '{oid}' belongs to chapter '{index[oid][0]}', "
                                                f"not '{r['chapter']}'"))
    if problems:
        raise DataError(ds.path, problems)


def _ids_of(index: dict[str, tuple[str, Objective]], chapter: str | None) -> list[str]:
    return [oid for oid, (ch, _) in index.items() if ch == chapter]

