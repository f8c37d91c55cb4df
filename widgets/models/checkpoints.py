"""T-cell activation as a teaching model of two signals and two brakes, and what each checkpoint drug changes.

Signal 1: the T-cell receptor sees its antigen on MHC. Signal 2: CD28 co-stimulation by CD80/CD86. Brakes:
CTLA-4 (competes for CD80/CD86) and PD-1 (engaged by PD-L1/PD-L2). The outcome is deliberately coarse (five
levels), to show direction, not to predict a real cell.
"""
from __future__ import annotations

from dataclasses import dataclass

DRUGS = ("none", "anti_pd1", "anti_ctla4", "abatacept", "pd1_agonist")
DRUG_LABELS = {
    "none": "No drug",
    "anti_pd1": "Anti-PD-1 (cancer drug)",
    "anti_ctla4": "Anti-CTLA-4 (cancer drug)",
    "abatacept": "Abatacept (CTLA-4-Ig)",
    "pd1_agonist": "PD-1 agonist (investigational)",
}
LEVELS = ("resting", "anergic", "strongly restrained", "restrained", "activated")
BASE_SOURCES = ("chen2013costimulation",)
DRUG_SOURCES = {
    "none": (),
    "anti_pd1": ("ibis2023irae", "nishimura1999pd1"),
    "anti_ctla4": ("ibis2023irae",),
    "abatacept": ("fda-label-orencia", "genovese2005abatacept"),
    "pd1_agonist": ("tuttle2023peresolimab", "nct05516758"),
}


@dataclass(frozen=True)
class Outcome:
    level: str              # one of LEVELS
    activation: int         # 0 (none) to 4 (full), for a bar
    headline: str
    explanation: str        # Markdown
    drug_effect: str        # Markdown; empty with no drug
    effective: dict         # signal1, cd28, ctla4, pd1 after the drug acted
    sources: tuple[str, ...]


def _drug_effect(drug: str, cd28: bool, ctla4: bool, pd1: bool) -> str:
    if drug == "anti_pd1":
        if not pd1:
            return ("Anti-PD-1 blocks PD-1, but PD-1 was not engaged here, so this cell is unchanged. In a tumour, "
                    "where PD-L1 is engaged, blocking it releases the brake.")
        return ("Anti-PD-1 **releases the PD-1 brake**. In cancer this frees T cells to attack the tumour; the same "
                "release lets self-reactive T cells attack the body, which is why PD-1 inhibitors cause "
                "immune-related adverse events and can flare autoimmune disease.")
    if drug == "anti_ctla4":
        if not ctla4:
            return ("Anti-CTLA-4 blocks CTLA-4, but CTLA-4 was not engaged here, so this cell is unchanged.")
        return ("Anti-CTLA-4 **releases the CTLA-4 brake**, so CD28 gets CD80/CD86 back. Anti-CTLA-4 drugs are "
                "cancer drugs, and they too cause immune-related adverse events.")
    if drug == "abatacept":
        if not cd28:
            return ("Abatacept occupies CD80/CD86, but there was no CD28 co-stimulation to block here; the cell "
                    "still lacks signal 2.")
        return ("Abatacept (CTLA-4 fused to an antibody Fc) **occupies CD80/CD86**, so CD28 gets no signal 2. "
                "A T cell that sees antigen without co-stimulation is not fully activated. This reinforces "
                "tolerance, the direction wanted in autoimmunity; abatacept is approved for RA.")
    if drug == "pd1_agonist":
        if pd1:
            return ("A PD-1 agonist engages PD-1, but PD-1 was already engaged; in the model the brake is simply "
                    "held on. PD-1 agonists are investigational: none is approved.")
        return ("A PD-1 agonist **applies the PD-1 brake** without PD-L1. This is the opposite of a cancer "
                "checkpoint inhibitor. Peresolimab improved RA disease activity in a phase 2a trial; its phase 2b "
                "trial was terminated. No PD-1 agonist is approved (as of 2026-11-25).")
    return ""


def t_cell_outcome(signal1: bool, cd28: bool, ctla4: bool, pd1: bool, drug: str = "none") -> Outcome:
    """What a naive T cell does with these signals, after the drug (if any) has acted."""
    if drug not in DRUGS:
        raise ValueError(f"unknown drug {drug!r}; choose one of {DRUGS}")
    eff = {"signal1": bool(signal1), "cd28": bool(cd28), "ctla4": bool(ctla4), "pd1": bool(pd1)}
    if drug == "anti_pd1":
        eff["pd1"] = False
    elif drug == "anti_ctla4":
        eff["ctla4"] = False
    elif drug == "abatacept":
        # CD80/CD86 are occupied, so neither CD28 nor the cell's own CTLA-4 can bind them.
        eff["cd28"] = False
        eff["ctla4"] = False
    elif drug == "pd1_agonist":
        eff["pd1"] = True
    brakes = [name for name in ("ctla4", "pd1") if eff[name]]
    brake_names = " and ".join({"ctla4": "CTLA-4", "pd1": "PD-1"}[b] for b in brakes)

    if not eff["signal1"]:
        level, headline = "resting", "No activation: the T cell has not seen its antigen"
        text = ("Without signal 1 (the T-cell receptor recognising its peptide on MHC) there is nothing to "
                "activate; co-stimulation alone does not switch a naive T cell on.")
    elif not eff["cd28"]:
        level, headline = "anergic", "No full activation: antigen without co-stimulation"
        text = ("Signal 1 without CD28 co-stimulation (signal 2) does not fully activate a naive T cell and can "
                "leave it unresponsive (anergic). This is one way peripheral tolerance works.")
    elif len(brakes) == 2:
        level, headline = "strongly restrained", "Strongly restrained: two brakes on"
        text = (f"Both signals are present, but {brake_names} are engaged. CTLA-4 competes with CD28 for "
                "CD80/CD86 and PD-1 damps T-cell receptor signalling, so the response is held back.")
    elif len(brakes) == 1:
        level, headline = "restrained", f"Restrained: the {brake_names} brake is on"
        text = (f"Both signals are present, but {brake_names} is engaged and damps the response: the T cell "
                "responds, but less.")
    else:
        level, headline = "activated", "Activated: both signals, no brake"
        text = ("Signal 1 plus CD28 co-stimulation with no inhibitory receptor engaged: the T cell is fully "
                "activated, proliferates and acts. Good against infection or cancer; harmful if the antigen is "
                "a self antigen.")
    return Outcome(level=level, activation=LEVELS.index(level), headline=headline, explanation=text,
                   drug_effect=_drug_effect(drug, cd28, ctla4, pd1), effective=eff,
                   sources=BASE_SOURCES + DRUG_SOURCES[drug])
