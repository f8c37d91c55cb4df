"""The JAK-STAT map: which Janus kinases a cytokine receptor family uses, and which JAK inhibitors in the
therapy table act on at least one of them."""

from __future__ import annotations

from dataclasses import dataclass

from widgets.data import load_dataset
from widgets.data.errors import DataError, Problem
from widgets.models.therapies import Therapy, load_therapies


@dataclass(frozen=True)
class ReceptorFamily:
    id: str
    name: str
    receptor: str
    kinases: tuple[str, ...]
    roles: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Inhibitor:
    therapy: Therapy
    kinases: frozenset[str]  # the JAKs its label names as inhibited preferentially (relative, not absolute)
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Reach:
    """One inhibitor against one receptor family: the receptor's kinases it acts on (maybe none)."""

    inhibitor: Inhibitor
    shared: tuple[str, ...]

    @property
    def acts(self) -> bool:
        return bool(self.shared)


@dataclass(frozen=True)
class JakStatMap:
    kinases: tuple[str, ...]
    families: tuple[ReceptorFamily, ...]
    inhibitors: tuple[Inhibitor, ...]
    as_of: str

    def family(self, family_id: str) -> ReceptorFamily:
        for f in self.families:
            if f.id == family_id:
                return f
        raise KeyError(f"unknown receptor family {family_id!r}; known: {[f.id for f in self.families]}")

    def reach(self, family: ReceptorFamily) -> list[Reach]:
        """Every inhibitor, in table order, with the receptor's kinases it names (in the receptor's order)."""
        return [Reach(drug, tuple(k for k in family.kinases if k in drug.kinases)) for drug in self.inhibitors]

    def families_reached(self, inhibitor: Inhibitor) -> list[ReceptorFamily]:
        """Why one pill blocks many cytokines: every family sharing a kinase with the inhibitor."""
        return [f for f in self.families if inhibitor.kinases & set(f.kinases)]


def load_jak_stat() -> JakStatMap:
    ds = load_dataset("jak_stat")  # its checks guarantee that every kinase named is a known one
    therapies = {t.id: t for t in load_therapies().records}
    unknown = [
        Problem(
            None,
            f"inhibitors.{j}.therapy",
            f"unknown therapy '{drug['therapy']}'; it must be a record id in data/therapies.yaml",
        )
        for j, drug in enumerate(ds.meta["inhibitors"])
        if drug["therapy"] not in therapies
    ]
    if unknown:
        raise DataError(ds.path, unknown)
    inhibitors = tuple(
        Inhibitor(therapies[i["therapy"]], frozenset(i["kinases"]), tuple(i["sources"])) for i in ds.meta["inhibitors"]
    )
    families = tuple(
        ReceptorFamily(r["id"], r["name"], r["receptor"], tuple(r["kinases"]), r["roles"], tuple(r["sources"]))
        for r in ds.records
    )
    return JakStatMap(tuple(ds.meta["kinases"]), families, inhibitors, ds.meta["as_of"])
