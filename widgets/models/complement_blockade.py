"""Where in the complement cascade each drug acts, and what follows from it (data/complement_blockade.yaml).

The cascade is a small graph: each step follows the steps in its `after` list. A drug blocks some steps
directly; a step is also blocked when any step before it is, because nothing downstream of a block happens.
From that come the two consequences the chapter teaches: whether the membrane attack complex (MAC) still forms,
and whether C5a still signals to neutrophils.
"""

from __future__ import annotations

from dataclasses import dataclass

from widgets.data import load_dataset

MAC, C5A = "mac", "c5a"  # the two steps whose fate the chapter reads off for every drug


@dataclass(frozen=True)
class Step:
    id: str
    label: str
    after: tuple[str, ...]
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ComplementDrug:
    id: str
    name: str
    short: str
    kind: str
    blocks: tuple[str, ...]
    boxed_warning: bool
    rems: bool
    given: str
    vaccination: str
    consequence: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Cascade:
    steps: tuple[Step, ...]
    drugs: tuple[ComplementDrug, ...]
    as_of: str
    vaccine_gap: str
    vaccine_gap_sources: tuple[str, ...]

    def step(self, step_id: str) -> Step:
        for s in self.steps:
            if s.id == step_id:
                return s
        raise KeyError(f"unknown step {step_id!r}; known: {[s.id for s in self.steps]}")

    def drug(self, drug_id: str) -> ComplementDrug:
        for d in self.drugs:
            if d.id == drug_id:
                return d
        raise KeyError(f"unknown drug {drug_id!r}; known: {[d.id for d in self.drugs]}")

    def blocked_steps(self, drug_id: str) -> set[str]:
        """The steps that do not happen under the drug: those it blocks and every step after them."""
        blocked = set(self.drug(drug_id).blocks)
        for s in self.steps:  # steps are listed in cascade order (checked by the data layer)
            if any(a in blocked for a in s.after):
                blocked.add(s.id)
        return blocked

    def mac_forms(self, drug_id: str) -> bool:
        return MAC not in self.blocked_steps(drug_id)

    def c5a_signals(self, drug_id: str) -> bool:
        return C5A not in self.blocked_steps(drug_id)

    def depth(self, step_id: str) -> int:
        """How many steps lie before this one on its longest path (the column it is drawn in)."""
        s = self.step(step_id)
        return 0 if not s.after else 1 + max(self.depth(a) for a in s.after)


def load_cascade() -> Cascade:
    ds = load_dataset("complement_blockade")
    steps = tuple(
        Step(s["id"], s["label"], tuple(s["after"]), s["text"], tuple(s["sources"])) for s in ds.meta["steps"]
    )
    drugs = tuple(
        ComplementDrug(
            r["id"],
            r["name"],
            r["short"],
            r["kind"],
            tuple(r["blocks"]),
            r["boxed_warning"],
            r["rems"],
            r["given"],
            r["vaccination"],
            r["consequence"],
            tuple(r["sources"]),
        )
        for r in ds.records
    )
    return Cascade(steps, drugs, ds.meta["as_of"], ds.meta["vaccine_gap"], tuple(ds.meta["vaccine_gap_sources"]))
