"""Before-you-start safety checklists: what to check before, during and after a therapy, with sources."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from widgets.data import load_dataset


@dataclass(frozen=True)
class Item:
    phase: str
    kind: str
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Therapy:
    id: str
    name: str
    used_in: str
    boxed_warning: str | None
    items: tuple[Item, ...]
    sources: tuple[str, ...]

    def in_phase(self, phase: str) -> list[Item]:
        return [i for i in self.items if i.phase == phase]

    def count_by_kind(self) -> dict[str, int]:
        return dict(Counter(i.kind for i in self.items))


@dataclass(frozen=True)
class SafetyChecklists:
    as_of: str
    phases: tuple[tuple[str, str], ...]  # (id, label) in time order
    therapies: tuple[Therapy, ...]
    see_also: str | None = None  # where the details behind the checklists are taught

    def therapy(self, therapy_id: str) -> Therapy:
        for t in self.therapies:
            if t.id == therapy_id:
                return t
        raise KeyError(f"unknown therapy {therapy_id!r}; known: {[t.id for t in self.therapies]}")

    def checklist(self, therapy_id: str) -> dict[str, list[Item]]:
        """Items per phase, in time order; a phase with nothing listed maps to an empty list."""
        t = self.therapy(therapy_id)
        return {pid: t.in_phase(pid) for pid, _ in self.phases}

    def screening_for(self, keyword: str) -> list[str]:
        """Therapies with a before-start item mentioning `keyword` (case-insensitive), e.g. 'hepatitis B'."""
        k = keyword.lower()
        return [t.id for t in self.therapies if any(k in i.text.lower() for i in t.in_phase("before"))]


def load_safety_checklists() -> SafetyChecklists:
    ds = load_dataset("safety_checklists")
    therapies = tuple(
        Therapy(
            r["id"],
            r["name"],
            r["used_in"],
            r.get("boxed_warning"),
            tuple(Item(i["phase"], i["kind"], i["text"], tuple(i["sources"])) for i in r["items"]),
            tuple(r["sources"]),
        )
        for r in ds.records
    )
    return SafetyChecklists(
        ds.meta["as_of"], tuple((p["id"], p["label"]) for p in ds.meta["phases"]), therapies, ds.meta.get("see_also")
    )
