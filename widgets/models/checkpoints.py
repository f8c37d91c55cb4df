"""T-cell activation as a teaching model of two signals and two brakes, and what each checkpoint drug changes.

The signals, the five outcome levels, their texts and the drugs live in data/checkpoints.yaml; this module holds
the rule only: no signal 1 -> resting; no CD28 -> anergic; then the number of brakes engaged decides.
"""

from __future__ import annotations

from dataclasses import dataclass

from widgets.data import load_dataset

NO_DRUG = "none"


@dataclass(frozen=True)
class Signal:
    id: str
    name: str
    control: str  # the label of its switch
    kind: str  # "accelerator" or "brake"


@dataclass(frozen=True)
class Level:
    id: str
    name: str
    headline: str  # may hold "{brakes}"
    explanation: str  # Markdown; may hold "{brakes}"


@dataclass(frozen=True)
class Drug:
    id: str
    label: str
    sets: dict[str, bool]
    acts_on: str | None  # the signal whose state before the drug picks the text
    if_on: str
    if_off: str
    sources: tuple[str, ...]

    def effect(self, before: dict[str, bool]) -> str:
        if self.acts_on is None:
            return ""
        return self.if_on if before[self.acts_on] else self.if_off


@dataclass(frozen=True)
class Outcome:
    level: str  # the level's name
    activation: int  # 0 (none) to 4 (full), for a bar
    headline: str
    explanation: str  # Markdown
    drug_effect: str  # Markdown; empty with no drug
    effective: dict  # signal1, cd28, ctla4, pd1 after the drug acted
    sources: tuple[str, ...]


@dataclass(frozen=True)
class CheckpointModel:
    signals: tuple[Signal, ...]
    levels: tuple[Level, ...]
    drugs: tuple[Drug, ...]  # "none" first, then the data file's drugs in order
    sources: tuple[str, ...]

    @property
    def drug_ids(self) -> tuple[str, ...]:
        return tuple(d.id for d in self.drugs)

    @property
    def level_names(self) -> tuple[str, ...]:
        return tuple(lv.name for lv in self.levels)

    def drug(self, drug_id: str) -> Drug:
        for d in self.drugs:
            if d.id == drug_id:
                return d
        raise ValueError(f"unknown drug {drug_id!r}; choose one of {self.drug_ids}")

    def outcome(self, signal1: bool, cd28: bool, ctla4: bool, pd1: bool, drug: str = NO_DRUG) -> Outcome:
        """What a naive T cell does with these signals, after the drug (if any) has acted."""
        d = self.drug(drug)
        before = {"signal1": bool(signal1), "cd28": bool(cd28), "ctla4": bool(ctla4), "pd1": bool(pd1)}
        eff = {**before, **d.sets}
        brakes = [s.name for s in self.signals if s.kind == "brake" and eff[s.id]]
        if not eff["signal1"]:
            level_id = "resting"
        elif not eff["cd28"]:
            level_id = "anergic"
        else:
            level_id = ("activated", "restrained", "strongly-restrained")[len(brakes)]
        index = [lv.id for lv in self.levels].index(level_id)
        level, names = self.levels[index], " and ".join(brakes)
        return Outcome(
            level=level.name,
            activation=index,
            headline=level.headline.replace("{brakes}", names),
            explanation=level.explanation.replace("{brakes}", names),
            drug_effect=d.effect(before),
            effective=eff,
            sources=self.sources + d.sources,
        )


def load_checkpoints() -> CheckpointModel:
    ds = load_dataset("checkpoints")
    none = Drug(NO_DRUG, ds.meta["no_drug"], {}, None, "", "", ())
    drugs = tuple(
        Drug(r["id"], r["label"], dict(r["sets"]), r["acts_on"], r["if_on"], r["if_off"], tuple(r["sources"]))
        for r in ds.records
    )
    return CheckpointModel(
        signals=tuple(Signal(**s) for s in ds.meta["signals"]),
        levels=tuple(Level(**lv) for lv in ds.meta["levels"]),
        drugs=(none, *drugs),
        sources=tuple(ds.meta["sources"]),
    )
