"""CAR T outcomes in autoimmune studies (data/car_t_outcomes.yaml): patients, responders by each study's own
response measure, and patients by their highest CRS grade."""

from __future__ import annotations

from dataclasses import dataclass

from widgets.data import load_dataset

# Highest CRS grade per patient, in order, with the words a figure shows.
CRS_GRADES = (
    ("none", "no CRS"),
    ("grade_1", "grade 1"),
    ("grade_2", "grade 2"),
    ("grade_3_or_higher", "grade 3 or higher"),
)


@dataclass(frozen=True)
class Cohort:
    disease: str
    patients: int
    responders: int
    response: str


@dataclass(frozen=True)
class Study:
    id: str
    label: str
    design: str
    cohorts: tuple[Cohort, ...]
    crs: dict[str, int]
    sources: tuple[str, ...]

    @property
    def patients(self) -> int:
        return sum(c.patients for c in self.cohorts)

    @property
    def with_crs(self) -> int:
        return self.patients - self.crs["none"]


@dataclass(frozen=True)
class CarTOutcomes:
    as_of: str
    studies: tuple[Study, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(k for s in self.studies for k in s.sources))


def load_car_t_outcomes() -> CarTOutcomes:
    ds = load_dataset("car_t_outcomes")
    studies = tuple(
        Study(
            r["id"],
            r["label"],
            r["design"],
            tuple(Cohort(c["disease"], c["patients"], c["responders"], c["response"]) for c in r["cohorts"]),
            dict(r["crs"]),
            tuple(r["sources"]),
        )
        for r in ds.records
    )
    return CarTOutcomes(ds.meta["as_of"], studies)
