"""Hepatitis B serology read panel by panel: three markers -> what the pattern means -> the reactivation-risk
group -> the AGA band for a drug class -> what the guideline says to do. Plain Python over
data/hbv_serology.yaml; a teaching model, not clinical decision support."""

from __future__ import annotations

from dataclasses import dataclass

from widgets.data import load_dataset

# The two groups the AGA gives bands for; the other statuses have no band by construction.
BANDED = ("hbsag-positive", "past-infection")


@dataclass(frozen=True)
class Marker:
    id: str
    label: str
    name: str


@dataclass(frozen=True)
class Status:
    id: str
    label: str
    explain: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Band:
    id: str
    label: str
    action: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class DrugClass:
    id: str
    name: str
    examples: str
    bands: dict[str, str]
    note: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Pattern:
    id: str
    markers: tuple[bool, bool, bool]  # HBsAg, anti-HBc, anti-HBs
    meaning: str
    status: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Reading:
    """One interpretation: the pattern, its risk group, the drug class and (for the banded groups) its band."""

    pattern: Pattern
    status: Status
    drug_class: DrugClass
    band: Band | None


@dataclass(frozen=True)
class HbvSerology:
    as_of: str
    markers: tuple[Marker, ...]
    statuses: dict[str, Status]
    bands: dict[str, Band]
    drug_classes: tuple[DrugClass, ...]
    patterns: tuple[Pattern, ...]

    def pattern(self, hbsag: bool, anti_hbc: bool, anti_hbs: bool) -> Pattern:
        wanted = (bool(hbsag), bool(anti_hbc), bool(anti_hbs))
        return next(p for p in self.patterns if p.markers == wanted)

    def drug_class(self, class_id: str) -> DrugClass:
        for d in self.drug_classes:
            if d.id == class_id:
                return d
        raise KeyError(f"unknown drug class {class_id!r}; known: {[d.id for d in self.drug_classes]}")

    def read(self, hbsag: bool, anti_hbc: bool, anti_hbs: bool, class_id: str) -> Reading:
        p = self.pattern(hbsag, anti_hbc, anti_hbs)
        d = self.drug_class(class_id)
        band = self.bands[d.bands[p.status]] if p.status in BANDED else None
        return Reading(p, self.statuses[p.status], d, band)


def marker_words(markers: tuple[Marker, ...], values: tuple[bool, bool, bool]) -> str:
    """'HBsAg negative · anti-HBc positive · anti-HBs negative': the pattern in words, never by colour."""
    return " · ".join(f"{m.label} {'positive' if v else 'negative'}" for m, v in zip(markers, values, strict=True))


def load_hbv_serology() -> HbvSerology:
    ds = load_dataset("hbv_serology")
    m = ds.meta
    return HbvSerology(
        m["as_of"],
        tuple(Marker(x["id"], x["label"], x["name"]) for x in m["markers"]),
        {s["id"]: Status(s["id"], s["label"], s["explain"], tuple(s["sources"])) for s in m["statuses"]},
        {b["id"]: Band(b["id"], b["label"], b["action"], tuple(b["sources"])) for b in m["bands"]},
        tuple(
            DrugClass(d["id"], d["name"], d["examples"], dict(d["bands"]), d.get("note"), tuple(d["sources"]))
            for d in m["drug_classes"]
        ),
        tuple(
            Pattern(r["id"], (r["hbsag"], r["anti_hbc"], r["anti_hbs"]), r["meaning"], r["status"], tuple(r["sources"]))
            for r in ds.records
        ),
    )
