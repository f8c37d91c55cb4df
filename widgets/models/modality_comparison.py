"""Cell-directed and tolerance-directed approaches side by side (data/modality_comparison.yaml), and teaching
scenarios that say which of their properties bear on a situation. It compares properties; it does not choose."""

from __future__ import annotations

from dataclasses import dataclass

from widgets.data import load_dataset


@dataclass(frozen=True)
class Attribute:
    id: str
    label: str
    question: str


@dataclass(frozen=True)
class Cell:
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Modality:
    id: str
    name: str
    values: dict[str, Cell]


@dataclass(frozen=True)
class Reason:
    attribute: str
    why: str


@dataclass(frozen=True)
class Scenario:
    id: str
    label: str
    vignette: str
    matters: tuple[Reason, ...]
    sources: tuple[str, ...]

    @property
    def attribute_ids(self) -> tuple[str, ...]:
        return tuple(r.attribute for r in self.matters)


@dataclass(frozen=True)
class ModalityComparison:
    as_of: str
    attributes: tuple[Attribute, ...]
    modalities: tuple[Modality, ...]
    scenarios: tuple[Scenario, ...]

    def attribute(self, attribute_id: str) -> Attribute:
        for a in self.attributes:
            if a.id == attribute_id:
                return a
        raise KeyError(f"unknown attribute {attribute_id!r}; known: {[a.id for a in self.attributes]}")

    def scenario(self, scenario_id: str) -> Scenario:
        for s in self.scenarios:
            if s.id == scenario_id:
                return s
        raise KeyError(f"unknown scenario {scenario_id!r}; known: {[s.id for s in self.scenarios]}")

    def columns(self, scenario: Scenario, everything: bool = False) -> tuple[Attribute, ...]:
        """The attributes to compare: those the scenario says matter, in its order, or all of them."""
        if everything:
            return self.attributes
        return tuple(self.attribute(a) for a in scenario.attribute_ids)

    def sources_for(self, scenario: Scenario, columns: tuple[Attribute, ...]) -> tuple[str, ...]:
        """Every reference behind what a panel shows: the scenario's own, then each cell's, without repeats."""
        keys = list(scenario.sources)
        keys += [k for m in self.modalities for a in columns for k in m.values[a.id].sources]
        return tuple(dict.fromkeys(keys))


def load_modality_comparison() -> ModalityComparison:
    ds = load_dataset("modality_comparison")  # its checks guarantee every modality fills every attribute
    attributes = tuple(Attribute(**a) for a in ds.meta["attributes"])
    modalities = tuple(
        Modality(m["id"], m["name"], {k: Cell(v["text"], tuple(v["sources"])) for k, v in m["values"].items()})
        for m in ds.meta["modalities"]
    )
    scenarios = tuple(
        Scenario(
            r["id"],
            r["label"],
            r["vignette"],
            tuple(Reason(m["attribute"], m["why"]) for m in r["matters"]),
            tuple(r["sources"]),
        )
        for r in ds.records
    )
    return ModalityComparison(ds.meta["as_of"], attributes, modalities, scenarios)
