"""The performance report's machinery (the figures themselves come from `make bench`), and the page-size budget,
which is cheap enough to gate in every test run."""

from __future__ import annotations

import sys
import types

import pytest

from course_tools import bench
from course_tools.conventions import BUDGET, html_budget
from course_tools.testing.page_audit import built_pages


def test_table_reports_each_figure_against_its_budget():
    rows = [
        bench.Row("clean build, whole book", 50.0, "s", 120.0),
        bench.Row("no-change rebuild", 12.0, "s", 10.0),
        bench.Row("a.html: HTML", 2_000_000, "B", 1.5e6),
        bench.Row("nbval", 20.0, "s"),
    ]
    table = bench.render(rows)
    lines = table.splitlines()
    assert len(lines) == 2 + len(rows)
    assert "| ok " in lines[2] and "| OVER " in lines[3] and "2.00 MB" in lines[4] and "<= 1.50 MB" in lines[4]
    assert [r.ok for r in rows] == [True, False, False, None]


def test_extension_modules_join_the_table(tmp_path, monkeypatch):
    """A bench_*.py module in the package joins the table; other modules do not."""
    (tmp_path / "bench_example.py").write_text(
        "from course_tools.bench import Row\n"
        "def bench_rows(ctx):\n    yield Row('CAR T widget state', 1000, 'B', 2000)\n"
        "    yield ('slides: deck size', 3e6, 'B', 2e6, 'tuple rows work too')\n"
    )
    (tmp_path / "helper.py").write_text("def bench_rows(ctx):\n    raise AssertionError('not a bench module')\n")
    package = types.ModuleType("bench_fixture_package")
    package.__path__ = [str(tmp_path)]  # a package whose modules are the files above
    monkeypatch.setitem(sys.modules, package.__name__, package)
    assert bench.extension_modules(package) == ["bench_example"]
    rows = bench.extension_rows(bench.Context(tmp_path, tmp_path, sys.executable), package)
    assert [(r.figure, r.ok) for r in rows] == [("CAR T widget state", True), ("slides: deck size", False)]


def test_suite_time_is_read_from_the_conftest_record(tmp_path, monkeypatch):
    rec = tmp_path / "t.json"
    rec.write_text(
        '{"seconds": 200.5, "exitstatus": 0, "tests": 90, "failed": 0, "args": ["tests", "chapters",'
        ' "--nbval"], "finished": "now", "full_suite": true}'
    )
    monkeypatch.setattr(bench, "SUITE_TIME_FILE", rec)
    [row] = bench.bench_suite(None)
    assert row.value == 200.5 and row.ok and "90 tests" in row.note
    [row] = bench.bench_suite(1300.0)
    assert row.ok is False


@pytest.mark.parametrize(
    ("args", "exitstatus", "said"),
    [('["tests/test_a.py", "-k", "x"]', 0, "PARTIAL"), ('["tests", "chapters", "--nbval"]', 1, "FAILED")],
)
def test_a_partial_or_failing_run_is_never_within_the_suite_budget(tmp_path, monkeypatch, args, exitstatus, said):
    rec = tmp_path / "t.json"
    full = "true" if said == "FAILED" else "false"
    rec.write_text(
        f'{{"seconds": 108.2, "exitstatus": {exitstatus}, "tests": 1, "failed": {exitstatus}, "args": {args},'
        f' "finished": "now", "full_suite": {full}}}'
    )
    monkeypatch.setattr(bench, "SUITE_TIME_FILE", rec)
    [row] = bench.bench_suite(None)
    assert row.value is None and row.ok is None, row
    assert said in row.note and "108.2 s" in row.note, row.note


def test_every_page_is_within_the_html_budget(built_book):
    over = {
        rel: (built_book / rel).stat().st_size
        for rel in built_pages(built_book)
        if (built_book / rel).stat().st_size > html_budget(rel)
    }
    assert not over, (
        f"pages over their HTML budget (pages {BUDGET['page_html_bytes'] / 1e6} MB, decks "
        f"{BUDGET['deck_html_bytes'] / 1e6} MB): {over}"
    )
