"""Keeping the course current (issue 12, item 22): every claim-bearing data record says when it was last checked,
every chapter shows its review date near its top, and `course_tools.currency` (make currency) flags what is
getting old.

The age of the records is never asserted here: a record growing old is a reason to re-check it, which
`make currency` and `make bench` report, not a reason for the test suite to fail.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import pytest

from course_tools import currency
from course_tools.conventions import CHAPTER_GLOB, ROOT, chapter_notebooks
from widgets.data import DataError, load_dataset

REVIEWED = re.compile(r"Last reviewed: (\d{4}-\d{2}-\d{2}), against \S")


def test_every_claim_bearing_record_has_a_real_checked_date():
    entries = currency.record_entries(ROOT / "data")
    assert {e.where for e in entries} == {f"{n}.yaml" for n in currency.DATASETS}
    problems = [f"{e.where} {e.item}: {e.problem}" for e in entries if e.problem]
    assert not problems, "\n".join(problems)


def test_a_malformed_checked_date_is_refused_with_file_record_and_field(course_content):
    course_content.patch("therapy_reach", lambda doc: doc["records"][0].update(checked="25/11/2026"))
    with pytest.raises(DataError) as exc:
        load_dataset("therapy_reach")
    msg = str(exc.value)
    first = course_content.read("therapy_reach")["records"][0]["id"]
    assert "therapy_reach.yaml" in msg and f"record 1 (id '{first}'), field 'checked'" in msg


def test_report_sorts_oldest_first_and_flags_stale_missing_and_unreadable(tmp_path):
    (tmp_path / "therapies.yaml").write_text(
        """records:
  - {id: fresh, checked: "2026-11-01"}
  - {id: stale, checked: "2024-06-30"}
  - {id: undated}
  - {id: garbled, checked: "2026-02-30"}
""",
        encoding="utf-8",
    )
    entries = currency.record_entries(tmp_path)
    text, flagged = currency.report(entries, dt.date(2026, 12, 1), 365)
    rows = text.splitlines()[2:]
    order = [next(i for i, r in enumerate(rows) if f" {rid} " in r + " ") for rid in ("stale", "fresh")]
    assert order[0] < order[1], text  # the oldest dated record comes first
    assert flagged == 3, text
    assert re.search(r"stale\s+OLDER THAN 365 DAYS", text)
    assert re.search(r"undated\s+NO `CHECKED` DATE", text) and "UNREADABLE" in text
    fresh_row = next(r for r in rows if " fresh " in r + " ")
    assert fresh_row.rstrip().endswith("fresh"), fresh_row  # a recent record carries no flag


def test_make_currency_reports_and_exits_zero_even_when_everything_is_stale():
    run = subprocess.run(
        [sys.executable, "-m", "course_tools.currency", "--today", "2099-01-01", "--stale-only"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "flagged" in run.stdout and "OLDER THAN 365 DAYS" in run.stdout


def test_every_chapter_notebook_has_a_review_line_in_its_first_cell():
    import json

    for nb in sorted((ROOT / "chapters").glob(CHAPTER_GLOB)):
        first = "".join(json.loads(nb.read_text(encoding="utf-8"))["cells"][0]["source"])
        assert REVIEWED.search(first), f"{nb.name}: no 'Last reviewed: YYYY-MM-DD, against ...' line at its top"


def test_each_built_chapter_shows_its_review_date_before_the_overview(built_book):
    pages = [built_book / f"{doc}.html" for doc in chapter_notebooks()]
    assert pages, "no chapter pages built"
    for page in pages:
        html = page.read_text(encoding="utf-8")
        article = html[html.find("<article") :]
        text = " ".join(re.sub(r"<[^>]+>", " ", article).split())
        m, overview = REVIEWED.search(text), text.find("Overview #")
        assert m and 0 <= m.start() < overview, f"{page.name}: review date missing or not above the overview"
