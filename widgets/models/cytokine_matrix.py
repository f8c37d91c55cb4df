"""Cytokine x disease matrix: what blocking one pathway did in each disease, with the source for every cell."""

from __future__ import annotations

from dataclasses import dataclass

from widgets.data import load_dataset


@dataclass(frozen=True)
class Status:
    id: str
    symbol: str
    label: str


@dataclass(frozen=True)
class Axis:
    id: str
    label: str
    drugs: str = ""


@dataclass(frozen=True)
class Cell:
    id: str
    cytokine: str
    disease: str
    status: Status
    note: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class CytokineMatrix:
    as_of: str
    statuses: tuple[Status, ...]
    cytokines: tuple[Axis, ...]
    diseases: tuple[Axis, ...]
    cells: dict[tuple[str, str], Cell]

    def cell(self, cytokine: str, disease: str) -> Cell:
        if cytokine not in {c.id for c in self.cytokines}:
            raise KeyError(f"unknown cytokine {cytokine!r}; known: {[c.id for c in self.cytokines]}")
        if disease not in {d.id for d in self.diseases}:
            raise KeyError(f"unknown disease {disease!r}; known: {[d.id for d in self.diseases]}")
        return self.cells[(cytokine, disease)]

    def status(self, cytokine: str, disease: str) -> str:
        return self.cell(cytokine, disease).status.id

    def diseases_with(self, cytokine: str, status: str) -> list[str]:
        """Disease ids where blocking `cytokine` has this status, in column order."""
        return [d.id for d in self.diseases if self.status(cytokine, d.id) == status]

    def paradoxes(self) -> list[tuple[str, str, str]]:
        """(cytokine, disease helped, disease harmed): the same blockade approved in one disease, harmful in another."""
        out = []
        for c in self.cytokines:
            for good in self.diseases_with(c.id, "approved"):
                out += [(c.id, good, bad) for bad in self.diseases_with(c.id, "harmful")]
        return out


def load_cytokine_matrix() -> CytokineMatrix:
    ds = load_dataset("cytokine_matrix")  # its checks guarantee one cell per (cytokine, disease), known ids
    statuses = tuple(Status(**s) for s in ds.meta["statuses"])
    cytokines = tuple(Axis(**c) for c in ds.meta["cytokines"])
    diseases = tuple(Axis(**d) for d in ds.meta["diseases"])
    by_status = {s.id: s for s in statuses}
    cells = {
        (r["cytokine"], r["disease"]): Cell(
            r["id"], r["cytokine"], r["disease"], by_status[r["status"]], r["note"], tuple(r["sources"])
        )
        for r in ds.records
    }
    return CytokineMatrix(ds.meta["as_of"], statuses, cytokines, diseases, cells)
