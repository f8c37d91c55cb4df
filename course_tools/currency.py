"""How current is the course? Lists every data record's `checked` date, oldest first, and flags stale ones.

`make currency` runs it, and `make bench` runs it after the benchmarks. It reports and always exits 0: a record
growing old is a reason to re-check it against its sources, not a broken build (issue 12, item 22).

    python -m course_tools.currency                 # all records, oldest first; stale ones flagged
    python -m course_tools.currency --stale-only    # only the flagged records
    python -m course_tools.currency --today 2027-06-01 --max-age-days 365
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from course_tools.conventions import CHAPTER_GLOB, ROOT

# The data files whose records state approvals, label rules, trial results or evidence levels.
DATASETS = (
    "therapies",
    "cytokine_matrix",
    "car_t_adverse_events",
    "car_t_manufacturing",
    "safety_checklists",
    "patient_cases",
    "knowledge_checks",
    "therapy_reach",
    "fcrn_blockade",
    "complement_blockade",
    "hbv_serology",
    "vaccine_timing",
    "tn10_follow_up",
    "modality_comparison",
)
LAST_REVIEWED = re.compile(r"Last reviewed:\s*(\d{4}-\d{2}-\d{2})")


@dataclass(frozen=True)
class Entry:
    where: str  # "therapies.yaml" or "chapters/06_car_t.ipynb"
    item: str  # record id, or "chapter"
    checked: dt.date | None
    problem: str = ""  # why the date is missing or unreadable


def record_entries(data_dir: Path) -> list[Entry]:
    out = []
    for name in DATASETS:
        path = data_dir / f"{name}.yaml"
        if not path.exists():
            continue
        for rec in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("records", []):
            raw = rec.get("checked")
            try:
                day = dt.date.fromisoformat(str(raw)) if raw is not None else None
                problem = "" if day else "no `checked` date"
            except ValueError:
                day, problem = None, f"unreadable `checked` date {raw!r}"
            out.append(Entry(path.name, str(rec.get("id", "?")), day, problem))
    return out


def chapter_entries(chapter_dir: Path) -> list[Entry]:
    out = []
    for nb in sorted(chapter_dir.glob(CHAPTER_GLOB)):
        m = LAST_REVIEWED.search(nb.read_text(encoding="utf-8"))
        day = dt.date.fromisoformat(m.group(1)) if m else None
        out.append(Entry(f"chapters/{nb.name}", "chapter", day, "" if m else "no 'Last reviewed' line"))
    return out


def report(entries: list[Entry], today: dt.date, max_age_days: int, stale_only: bool = False) -> tuple[str, int]:
    """The printed table and the number of flagged entries (missing, unreadable or older than the limit)."""

    def age(e: Entry) -> int | None:
        return (today - e.checked).days if e.checked else None

    def flag(e: Entry) -> str:
        if e.problem:
            return e.problem.upper()
        return f"OLDER THAN {max_age_days} DAYS" if age(e) > max_age_days else ""

    rows = sorted(entries, key=lambda e: (e.checked or dt.date.min, e.where, e.item))
    flagged = [e for e in rows if flag(e)]
    shown = flagged if stale_only else rows
    lines = [
        f"Currency report for {today.isoformat()}: {len(entries)} dated items, {len(flagged)} flagged "
        f"(limit {max_age_days} days)",
        f"{'checked':<11} {'age (d)':>7}  {'file':<28} {'record':<28} flag",
    ]
    for e in shown:
        lines.append(
            f"{(e.checked.isoformat() if e.checked else '-'):<11} "
            f"{(str(age(e)) if e.checked else '-'):>7}  {e.where:<28} {e.item:<28} {flag(e)}"
        )
    return "\n".join(lines), len(flagged)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(), help="YYYY-MM-DD (default: today)")
    ap.add_argument("--max-age-days", type=int, default=365, help="flag items older than this (default 365: 12 months)")
    ap.add_argument("--stale-only", action="store_true", help="print only the flagged items")
    ap.add_argument("--data-dir", type=Path, default=ROOT / "data")
    ap.add_argument("--chapter-dir", type=Path, default=ROOT / "chapters")
    args = ap.parse_args(argv)
    text, _ = report(
        record_entries(args.data_dir) + chapter_entries(args.chapter_dir),
        args.today,
        args.max_age_days,
        args.stale_only,
    )
    print(text)
    return 0  # a report, never a failing check


if __name__ == "__main__":
    sys.exit(main())
