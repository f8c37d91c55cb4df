"""The shared therapy table (data/therapies.yaml): agents, their targets, classes, US approvals and dosing.

Chapters 2-10 reuse it; filters here are plain Python so every chapter's view can call them. Most agents are
approved for an autoimmune disease; a few (the T-cell engagers) are approved only outside it and are listed as
investigational there, with no indications, so they never appear under a disease.
"""

from __future__ import annotations

from dataclasses import dataclass

from widgets.data import load_dataset


@dataclass(frozen=True)
class Indication:
    disease: str  # key of Therapies.diseases
    label: str  # readable disease name
    year: int | None  # US approval year, only where confirmed
    note: str = ""


@dataclass(frozen=True)
class Therapy:
    id: str
    name: str
    brand: str
    target: str
    molecule_type: str
    drug_class: str
    indications: tuple[Indication, ...]
    first_approval: str  # "2017-03-28", "1997" or "" when not confirmed
    first_approval_for: str
    dosing_text: str
    interval_days: int | None
    routes: tuple[str, ...]  # "IV", "SC", "oral": the route(s) of the regimen in dosing_text
    notes: str
    as_of: str
    sources: tuple[str, ...]
    investigational: bool = False  # approved only outside autoimmune disease; taught as investigational in it
    evidence: str = ""  # for an investigational agent: what the evidence in autoimmune disease is

    def treats(self, disease: str) -> bool:
        return any(i.disease == disease for i in self.indications)

    @property
    def is_biologic(self) -> bool:
        return "small molecule" not in self.molecule_type.lower()


@dataclass(frozen=True)
class Therapies:
    diseases: dict[str, str]
    records: tuple[Therapy, ...]
    as_of: str

    def get(self, therapy_id: str) -> Therapy:
        for t in self.records:
            if t.id == therapy_id:
                return t
        raise KeyError(f"unknown therapy {therapy_id!r}; known: {[t.id for t in self.records]}")

    def approved(self) -> list[Therapy]:
        return [t for t in self.records if not t.investigational]

    def investigational(self) -> list[Therapy]:
        return [t for t in self.records if t.investigational]

    def classes(self) -> list[str]:
        return list(dict.fromkeys(t.drug_class for t in self.records))

    def diseases_in_use(self) -> list[str]:
        used = {i.disease for t in self.records for i in t.indications}
        return [d for d in self.diseases if d in used]

    def by_class(self, drug_class: str) -> list[Therapy]:
        if drug_class not in self.classes():
            raise KeyError(f"unknown class {drug_class!r}; known: {self.classes()}")
        return [t for t in self.records if t.drug_class == drug_class]

    def by_disease(self, disease: str) -> list[Therapy]:
        if disease not in self.diseases:
            raise KeyError(f"unknown disease {disease!r}; known: {sorted(self.diseases)}")
        return [t for t in self.records if t.treats(disease)]

    def by_target(self, text: str) -> list[Therapy]:
        """Agents whose target contains `text` (case-insensitive), e.g. 'CD20', 'TNF', 'IL-6'."""
        needle = text.casefold().strip()
        if not needle:
            raise ValueError("by_target needs some text to look for")
        return [t for t in self.records if needle in t.target.casefold()]

    def filter(
        self, *, drug_class: str | None = None, disease: str | None = None, target: str | None = None
    ) -> list[Therapy]:
        """All filters given must match (AND); none given returns every agent."""
        result = list(self.records)
        if drug_class is not None:
            keep = {t.id for t in self.by_class(drug_class)}
            result = [t for t in result if t.id in keep]
        if disease is not None:
            keep = {t.id for t in self.by_disease(disease)}
            result = [t for t in result if t.id in keep]
        if target is not None:
            keep = {t.id for t in self.by_target(target)}
            result = [t for t in result if t.id in keep]
        return result


def load_therapies() -> Therapies:
    ds = load_dataset("therapies")
    diseases = ds.meta["diseases"]
    records = []
    for r in ds.records:
        first = r["first_fda_approval"]
        records.append(
            Therapy(
                id=r["id"],
                name=r["name"],
                brand=r["brand"],
                target=r["target"],
                molecule_type=r["molecule_type"],
                drug_class=r["class"],
                indications=tuple(
                    Indication(i["disease"], diseases[i["disease"]], i.get("year"), i.get("note", ""))
                    for i in r["indications"]
                ),
                first_approval=str(first.get("date", first.get("year", ""))),
                first_approval_for=first["indication"],
                dosing_text=r["dosing"]["text"],
                interval_days=r["dosing"]["interval_days"],
                routes=tuple(r["route"]),
                notes=r.get("notes", ""),
                as_of=r.get("as_of", ds.meta["as_of"]),
                sources=tuple(r["sources"]),
                investigational=r.get("autoimmune_status", "approved") == "investigational",
                evidence=r.get("evidence", ""),
            )
        )
    return Therapies(diseases=dict(diseases), records=tuple(records), as_of=ds.meta["as_of"])
