"""What a mechanism figure draws (data/mechanism_figures.yaml), with the drugs named on each part taken from the
shared therapy table (data/therapies.yaml). A figure asks for its parts by id; a part it needs that the data
lacks, or a drug class or agent the therapy table does not know, is a DataError naming the file, the figure's
record and the field, so a figure is never drawn with a box missing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from widgets.data import DataError, Problem, load_dataset
from widgets.data.loader import record_label
from widgets.models.therapies import Therapies, load_therapies


@dataclass(frozen=True)
class Part:
    id: str
    label: str
    note: str | None
    agents: tuple[str, ...]  # drug names, from the therapy table
    status: str | None  # a status id; its label in FigureFacts.status_labels
    binds: tuple[str, ...]
    sources: tuple[str, ...]

    @property
    def agent_list(self) -> str:
        return ", ".join(self.agents)


@dataclass(frozen=True)
class FigureFacts:
    id: str
    title: str
    parts: dict[str, Part]
    status_labels: dict[str, str]
    sources: tuple[str, ...]
    path: Path
    where: str  # "record 3 (id 'complement-fcrn')", for error messages

    def part(self, part_id: str) -> Part:
        """A part the figure draws; missing from the data, it is a DataError naming file, record and field."""
        if part_id not in self.parts:
            raise DataError(
                self.path,
                [
                    Problem(
                        self.where,
                        f"parts.{part_id}",
                        f"missing: the figure '{self.id}' draws this part; parts present: {sorted(self.parts)}",
                    )
                ],
            )
        return self.parts[part_id]

    def all_sources(self) -> tuple[str, ...]:
        keys = list(self.sources)
        for p in self.parts.values():
            keys += p.sources
        return tuple(dict.fromkeys(keys))


def _agent_names(record_where: str, j: int, part: dict, therapies: Therapies) -> tuple[tuple[str, ...], list[Problem]]:
    names, problems = [], []
    if "drug_class" in part:
        if part["drug_class"] not in therapies.classes():
            problems.append(
                Problem(
                    record_where,
                    f"parts.{j}.drug_class",
                    f"unknown class '{part['drug_class']}' in therapies.yaml; known: {therapies.classes()}",
                )
            )
        else:
            names += [t.name for t in therapies.by_class(part["drug_class"])]
    known = {t.id for t in therapies.records}
    for agent in part.get("agents", []):
        if agent not in known:
            problems.append(Problem(record_where, f"parts.{j}.agents", f"unknown agent '{agent}' in therapies.yaml"))
        else:
            names.append(therapies.get(agent).name)
    return tuple(dict.fromkeys(names)), problems


def load_figure_facts(figure_id: str) -> FigureFacts:
    ds = load_dataset("mechanism_figures")
    therapies = load_therapies()
    for index, record in enumerate(ds.records):
        if record["id"] != figure_id:
            continue
        where = record_label(index, record)
        parts, problems = {}, []
        for j, p in enumerate(record["parts"]):
            agents, faults = _agent_names(where, j, p, therapies)
            problems += faults
            parts[p["id"]] = Part(
                p["id"],
                p["label"],
                p.get("note"),
                agents,
                p.get("status"),
                tuple(p.get("binds", ())),
                tuple(p["sources"]),
            )
        if problems:
            raise DataError(ds.path, problems)
        return FigureFacts(
            record["id"],
            record["title"],
            parts,
            {s["id"]: s["label"] for s in ds.meta["statuses"]},
            tuple(record["sources"]),
            ds.path,
            where,
        )
    raise DataError(
        ds.path,
        [
            Problem(
                None,
                None,
                f"no record with id '{figure_id}': the figure '{figure_id}' "
                f"needs one; records: {[r['id'] for r in ds.records]}",
            )
        ],
    )
