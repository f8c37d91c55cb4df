"""Chapter 5 (CAR T) in the built book: every widget works offline with no kernel, and each interaction is timed."""
from __future__ import annotations

import pytest

from cart_browser import (PAGE, choose, click_through_manufacturing, grade_shown, move_timeline, open_chapter,
                          set_evidence, timeline_events, timeline_heading)
from widgets.models.car_t_manufacturing import load_manufacturing

pytestmark = pytest.mark.browser
BUDGET_MS = 100


def report(name: str, times: list[float]) -> None:
    print(f"{name}: {len(times)} interactions, max {max(times):.1f} ms, mean {sum(times) / len(times):.1f} ms")
    assert max(times) <= BUDGET_MS, f"{name}: slowest interaction {max(times):.1f} ms > {BUDGET_MS} ms"


def check_clean(page):
    assert not page.guard.external, f"requests left 127.0.0.1: {page.guard.external}"
    assert not page.guard.unexpected_errors(), page.guard.unexpected_errors()


def test_page_size_within_budget(built_book):
    size = (built_book / PAGE).stat().st_size
    print(f"{PAGE}: {size / 1e6:.2f} MB including widget state")
    assert size <= 1.5e6


def test_manufacturing_walkthrough_steps_through_every_step(offline_page, book_server):
    load, ready = open_chapter(offline_page, book_server)
    print(f"CAR T page load event after {load:.2f} s; widgets ready {ready:.2f} s after load")
    assert ready <= 3.0
    titles = [s.title for s in load_manufacturing().steps]
    report("manufacturing steps", click_through_manufacturing(offline_page, titles))
    check_clean(offline_page)


def test_side_effect_timeline_moves_and_switches_evidence(offline_page, book_server):
    page = offline_page
    open_chapter(page, book_server)
    ev = lambda: page.evaluate(f"() => {timeline_events()}")  # noqa: E731
    assert page.evaluate(f"() => {timeline_heading()}").startswith("Day 0 (infusion)")
    times = [move_timeline(page, "ArrowRight", 2, "Day +2")]
    assert "CRS" in ev().split(" | ")
    times.append(move_timeline(page, "ArrowRight", 1, "Day +3"))
    assert "CRS" in ev().split(" | ")
    times.append(move_timeline(page, "End", 1, "3 years"))
    late = ev().split(" | ")
    assert "T-cell cancer" in late and "CRS" not in late
    times.append(move_timeline(page, "ArrowLeft", 1, "1 year"))
    assert {"B-cell aplasia", "T-cell cancer"} <= set(ev().split(" | "))
    oncology_year = ev()
    times.append(set_evidence(page, "Autoimmune studies", "autoimmune studies"))
    assert ev() != oncology_year and "T-cell cancer" not in ev()
    # day 10 under autoimmune evidence shows LICATS; switching to oncology removes it
    times.append(move_timeline(page, "Home", 1, "Day −5"))
    times.append(move_timeline(page, "ArrowRight", 15, "Day +10"))
    assert "LICATS" in ev().split(" | ")
    times.append(set_evidence(page, "Oncology product labels", "oncology product labels"))
    assert "LICATS" not in ev().split(" | ") and "CRS" in ev().split(" | ")
    report("timeline", times)
    check_clean(page)


def test_grading_explorer_shows_the_grade(offline_page, book_server):
    page = offline_page
    open_chapter(page, book_server)
    crs, icans = "course-crs-grading", "course-icans-grading"
    assert page.evaluate(f"() => {grade_shown(crs)}").startswith("CRS: No CRS")
    times = [choose(page, crs, "Fever", "Fever ≥38 °C", "CRS: Grade 1"),
             choose(page, crs, "Hypoxia", "Low-flow nasal cannula", "CRS: Grade 2"),
             choose(page, crs, "Hypotension", "Requiring one vasopressor", "CRS: Grade 3"),
             choose(page, crs, "Fever", "No fever", "CRS: No CRS")]
    assert page.evaluate(f"() => {grade_shown(icans)}").startswith("ICANS: No ICANS")
    times += [choose(page, icans, "ICE score", "3–6", "ICANS: Grade 2"),
              choose(page, icans, "Seizure", "Any clinical seizure", "ICANS: Grade 3"),
              choose(page, icans, "Motor findings", "Deep focal motor weakness", "ICANS: Grade 4"),
              choose(page, icans, "Motor findings", "None", "ICANS: Grade 3")]
    report("grading", times)
    check_clean(page)
