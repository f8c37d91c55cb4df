"""Chapter 5 (CAR T) in the built book: every widget works offline with no kernel. Each step waits (with a
timeout) for the text a reader would then see; how fast that happens is `make bench`'s business
(tools/bench_cart.py drives the same steps and holds the budgets)."""
from __future__ import annotations

import pytest

from cart_browser import (choose, click_through_manufacturing, grade_shown, move_timeline, open_chapter,
                          set_evidence, timeline_events, timeline_heading)
from widgets.models.car_t_manufacturing import load_manufacturing

pytestmark = pytest.mark.browser


def check_clean(page):
    assert not page.guard.external, f"requests left 127.0.0.1: {page.guard.external}"
    assert not page.guard.unexpected_errors(), page.guard.unexpected_errors()


def test_manufacturing_walkthrough_steps_through_every_step(offline_page, book_server):
    open_chapter(offline_page, book_server)
    titles = [s.title for s in load_manufacturing().steps]
    click_through_manufacturing(offline_page, titles)
    check_clean(offline_page)


def test_side_effect_timeline_moves_and_switches_evidence(offline_page, book_server):
    page = offline_page
    open_chapter(page, book_server)
    ev = lambda: page.evaluate(f"() => {timeline_events()}")  # noqa: E731
    assert page.evaluate(f"() => {timeline_heading()}").startswith("Day 0 (infusion)")
    move_timeline(page, "ArrowRight", 2, "Day +2")
    assert "CRS" in ev().split(" | ")
    move_timeline(page, "ArrowRight", 1, "Day +3")
    assert "CRS" in ev().split(" | ")
    move_timeline(page, "End", 1, "3 years")
    late = ev().split(" | ")
    assert "T-cell cancer" in late and "CRS" not in late
    move_timeline(page, "ArrowLeft", 1, "1 year")
    assert {"B-cell aplasia", "T-cell cancer"} <= set(ev().split(" | "))
    oncology_year = ev()
    set_evidence(page, "Autoimmune studies", "autoimmune studies")
    assert ev() != oncology_year and "T-cell cancer" not in ev()
    # day 10 under autoimmune evidence shows LICATS; switching to oncology removes it
    move_timeline(page, "Home", 1, "Day −5")
    move_timeline(page, "ArrowRight", 15, "Day +10")
    assert "LICATS" in ev().split(" | ")
    set_evidence(page, "Oncology product labels", "oncology product labels")
    assert "LICATS" not in ev().split(" | ") and "CRS" in ev().split(" | ")
    check_clean(page)


def test_grading_explorer_shows_the_grade(offline_page, book_server):
    page = offline_page
    open_chapter(page, book_server)
    crs, icans = "course-crs-grading", "course-icans-grading"
    assert page.evaluate(f"() => {grade_shown(crs)}").startswith("CRS: No CRS")
    for domain, option, grade in [("Fever", "Fever ≥38 °C", "CRS: Grade 1"),
                                  ("Hypoxia", "Low-flow nasal cannula", "CRS: Grade 2"),
                                  ("Hypotension", "Requiring one vasopressor", "CRS: Grade 3"),
                                  ("Fever", "No fever", "CRS: No CRS")]:
        choose(page, crs, domain, option, grade)
    assert page.evaluate(f"() => {grade_shown(icans)}").startswith("ICANS: No ICANS")
    for domain, option, grade in [("ICE score", "3–6", "ICANS: Grade 2"),
                                  ("Seizure", "Any clinical seizure", "ICANS: Grade 3"),
                                  ("Motor findings", "Deep focal motor weakness", "ICANS: Grade 4"),
                                  ("Motor findings", "None", "ICANS: Grade 3")]:
        choose(page, icans, domain, option, grade)
    check_clean(page)
