"""One error type for every bad data file, so a learner, lecturer or maintainer sees where to look."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    record: str | None  # "record 3 (id 'leukapheresis')", or None for a file-level problem
    field: str | None  # dotted path inside the record, e.g. "duration_days.min"
    message: str

    def describe(self) -> str:
        where = ", ".join(p for p in (self.record, f"field '{self.field}'" if self.field else None) if p)
        return f"{where}: {self.message}" if where else self.message


class DataError(ValueError):
    """A data file failed to load. `problems` lists every fault found; nothing was returned half-built."""

    def __init__(self, path: Path | str, problems: list[Problem]):
        self.path = Path(path)
        self.problems = list(problems)
        lines = [f"{_display(self.path)}: {len(self.problems)} problem(s)"]
        lines += [f"  - {p.describe()}" for p in self.problems]
        super().__init__("\n".join(lines))


def _display(path: Path) -> str:
    """The path as the reader knows it: relative to the content root in use (data/x.yaml), else in full."""
    from widgets.data.location import content_root

    try:
        return str(path.resolve().relative_to(content_root().path))
    except (ValueError, FileNotFoundError):
        return str(path)
