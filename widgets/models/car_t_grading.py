"""ASTCT 2019 consensus grading of CRS and ICANS in adults (Lee et al., Biol Blood Marrow Transplant 2019).

Each finding is a level of one domain; the grade is set by the most severe domain. Grade 5 (death from the
toxicity) is not a finding a learner chooses, so it is not offered here.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Domain:
    id: str
    label: str
    levels: tuple[str, ...]
    grades: tuple[int, ...]  # the grade each level sets on its own (0 = this domain adds nothing)

    def grade(self, level: int) -> int:
        if not 0 <= level < len(self.levels):
            raise ValueError(f"{self.id}: no level {level}; choose 0-{len(self.levels) - 1}")
        return self.grades[level]


CRS_FEVER = Domain("fever", "Fever", (
    "No fever",
    "Fever ≥38 °C (or fever before tocilizumab or corticosteroids masked it)",
), (0, 1))
CRS_HYPOTENSION = Domain("hypotension", "Hypotension", (
    "None",
    "Not requiring vasopressors",
    "Requiring one vasopressor, with or without vasopressin",
    "Requiring several vasopressors (not counting vasopressin)",
), (1, 2, 3, 4))
CRS_HYPOXIA = Domain("hypoxia", "Hypoxia", (
    "None",
    "Low-flow nasal cannula (≤6 L/min) or blow-by oxygen",
    "High-flow nasal cannula (>6 L/min), facemask, non-rebreather or Venturi mask",
    "Positive pressure (CPAP, BiPAP, intubation and mechanical ventilation)",
), (1, 2, 3, 4))
CRS_DOMAINS = (CRS_FEVER, CRS_HYPOTENSION, CRS_HYPOXIA)

ICE = Domain("ice", "ICE score", (
    "10 (normal)", "7–9", "3–6", "0–2", "0, because the patient is unarousable and cannot do the ICE test",
), (0, 1, 2, 3, 4))
CONSCIOUSNESS = Domain("consciousness", "Depressed level of consciousness", (
    "None (alert)",
    "Awakens spontaneously",
    "Awakens to voice",
    "Awakens only to touch",
    "Unarousable, or needs vigorous or repeated touch to arouse; stupor or coma",
), (0, 1, 2, 3, 4))
SEIZURE = Domain("seizure", "Seizure", (
    "None",
    "Any clinical seizure that resolves rapidly, or non-convulsive seizures on EEG that resolve with treatment",
    "Life-threatening prolonged seizure (>5 min), or repeated seizures without return to baseline",
), (0, 3, 4))
MOTOR = Domain("motor", "Motor findings", (
    "None",
    "Deep focal motor weakness such as hemiparesis or paraparesis",
), (0, 4))
ICP = Domain("icp", "Raised intracranial pressure / cerebral oedema", (
    "None",
    "Focal or local oedema on neuroimaging",
    "Diffuse cerebral oedema; decerebrate or decorticate posturing; cranial nerve VI palsy; papilloedema; or Cushing's triad",
), (0, 3, 4))
ICANS_DOMAINS = (ICE, CONSCIOUSNESS, SEIZURE, MOTOR, ICP)


def crs_grade(fever: int, hypotension: int, hypoxia: int) -> int:
    """CRS grade 0-4. Fever is required; the grade is then set by the worse of hypotension and hypoxia."""
    if CRS_FEVER.grade(fever) == 0:
        CRS_HYPOTENSION.grade(hypotension), CRS_HYPOXIA.grade(hypoxia)  # still validate the levels
        return 0
    return max(CRS_HYPOTENSION.grade(hypotension), CRS_HYPOXIA.grade(hypoxia))


def icans_grade(ice: int, consciousness: int, seizure: int, motor: int, icp: int) -> int:
    """ICANS grade 0-4 in adults: the most severe domain not attributable to another cause."""
    return max(d.grade(level) for d, level in zip(ICANS_DOMAINS, (ice, consciousness, seizure, motor, icp)))


GRADE_WORDS = {0: "No CRS by ASTCT criteria", 1: "Grade 1", 2: "Grade 2", 3: "Grade 3", 4: "Grade 4"}
ICANS_WORDS = {0: "No ICANS", 1: "Grade 1", 2: "Grade 2", 3: "Grade 3", 4: "Grade 4"}
