"""Chapter 5 (CAR T) in the built book: every widget works offline with no kernel. Each step waits (with a
timeout) for the text a reader would then see; how fast that happens is `make bench`'s business
(course_tools/bench_cart.py drives the same steps and holds the budgets)."""

from __future__ import annotations

import pytest

from course_tools.testing.cart_browser import (
    choose,
    click_through_manufacturing,
    grade_shown,
    move_timeline,
    open_chapter,
    set_evidence,
    timeline_events,
    timeline_heading,
)
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
    move_timeline(page, "ArrowDown", 2, "Day +2")
    assert "CRS" in ev().split(" | ")
    move_timeline(page, "ArrowDown", 1, "Day +3")
    assert "CRS" in ev().split(" | ")
    move_timeline(page, "End", 1, "3 years")
    late = ev().split(" | ")
    assert "T-cell cancer" in late and "CRS" not in late
    move_timeline(page, "ArrowUp", 1, "1 year")
    assert {"B-cell aplasia", "T-cell cancer"} <= set(ev().split(" | "))
    oncology_year = ev()
    set_evidence(page, "Autoimmune studies", "autoimmune studies")
    assert ev() != oncology_year and "T-cell cancer" not in ev()
    # day 10 under autoimmune evidence shows LICATS; switching to oncology removes it
    move_timeline(page, "Home", 1, "Day −5")
    move_timeline(page, "ArrowDown", 15, "Day +10")
    assert "LICATS" in ev().split(" | ")
    set_evidence(page, "Oncology product labels", "oncology product labels")
    assert "LICATS" not in ev().split(" | ") and "CRS" in ev().split(" | ")
    check_clean(page)


def test_grading_explorer_shows_the_grade(offline_page, book_server):
    page = offline_page
    open_chapter(page, book_server)
    crs, icans = "course-crs-grading", "course-icans-grading"
    assert page.evaluate(f"() => {grade_shown(crs)}").startswith("CRS: No CRS")
    for domain, option, grade in [
        ("Fever", "Fever ≥38 °C", "CRS: Grade 1"),
        ("Hypoxia", "Low-flow nasal cannula", "CRS: Grade 2"),
        ("Hypotension", "Requiring one vasopressor", "CRS: Grade 3"),
        ("Fever", "No fever", "CRS: No CRS"),
    ]:
        choose(page, crs, domain, option, grade)
    assert page.evaluate(f"() => {grade_shown(icans)}").startswith("ICANS: No ICANS")
    for domain, option, grade in [
        ("ICE score", "3–6", "ICANS: Grade 2"),
        ("Seizure", "Any clinical seizure", "ICANS: Grade 3"),
        ("Motor findings", "Deep focal motor weakness", "ICANS: Grade 4"),
        ("Motor findings", "None", "ICANS: Grade 3"),
    ]:
        choose(page, icans, domain, option, grade)
    check_clean(page)


# The line under each finding, and where its radio circles and words sit, as the reader sees them.
GRADING_ROWS_JS = """(section) => [...document.querySelectorAll('.' + section + ' .widget-radio')].map(box => {
  const name = box.querySelector(':scope > .widget-label');
  const labels = [...box.querySelectorAll('.widget-radio-box label')];
  const row = box.parentElement;
  const line = [...row.querySelectorAll('.course-contribution')].find(e => e.offsetParent !== null);
  return {name: name.innerText.trim(), nameBottom: name.getBoundingClientRect().bottom,
          line: line ? line.innerText.trim() : null,
          options: labels.map(l => { const i = l.querySelector('input').getBoundingClientRect();
                                     const r = document.createRange(); r.selectNodeContents(l);
                                     const t = [...r.getClientRects()].filter(c => c.left >= i.right - 1);
                                     return {inputLeft: i.left, inputRight: i.right, inputTop: i.top,
                                             textLeft: t.length ? Math.min(...t.map(c => c.left)) : null}; })};
})"""


def _rows(page, section):
    return page.evaluate(GRADING_ROWS_JS, section)


def _pick(page, section, domain, option, lines):
    """Click an option (chosen already or not) and wait until the lines under the findings read `lines`
    (None: any) and the grade reads as it should."""
    page.locator(f".{section} .widget-radio", has_text=domain).locator("label", has_text=option).first.click()
    page.wait_for_function(
        "([js, section, lines]) => JSON.stringify(eval(js)(section).map(r => r.line)) === JSON.stringify(lines)",
        arg=[GRADING_ROWS_JS, section, lines],
        timeout=5_000,
    )


def test_grading_lines_read_correctly_with_no_fever(offline_page, book_server):
    """Issue 16: with "No fever" chosen, no line under hypotension or hypoxia may name a grade, whatever is chosen
    there; with fever, "None" adds nothing and a finding names the grade it sets."""
    from widgets.models.car_t_grading import load_grading

    crs_scale = load_grading().scale("crs")
    page = offline_page
    open_chapter(page, book_server)
    crs = "course-crs-grading"
    no_fever = ["No CRS: fever is required, whatever the other findings", *[crs_scale.without_required] * 2]
    assert crs_scale.domain("fever").notes[0] == no_fever[0]
    for hypo in crs_scale.domain("hypotension").levels:
        _pick(page, crs, "Hypotension", hypo, no_fever)
        for oxy in crs_scale.domain("hypoxia").levels:
            _pick(page, crs, "Hypoxia", oxy, no_fever)
            assert page.evaluate(f"() => {grade_shown(crs)}").startswith("CRS: No CRS"), (hypo, oxy)
    _pick(page, crs, "Hypotension", "None", no_fever)
    _pick(page, crs, "Hypoxia", "None", no_fever)
    nothing = "This finding adds nothing to the grade"
    _pick(page, crs, "Fever", "Fever ≥38 °C", ["CRS, at least Grade 1", nothing, nothing])
    _pick(
        page,
        crs,
        "Hypoxia",
        "Low-flow nasal cannula",
        ["CRS, at least Grade 1", nothing, "This finding sets at least Grade 2"],
    )
    assert page.evaluate(f"() => {grade_shown(crs)}").startswith("CRS: Grade 2")
    check_clean(page)


@pytest.mark.parametrize("width", [390, 1300])
def test_grading_radio_buttons_come_first_aligned(browser, book_server, width):
    """Every finding's name sits above its options; every radio circle of a scale starts at the same x, and
    each option's words start after its circle."""
    from course_tools.testing.browser_support import OfflineGuard, assert_clean

    context = browser.new_context(viewport={"width": width, "height": 900})
    guard = OfflineGuard(context)
    page = context.new_page()
    open_chapter(page, book_server)
    for section in ("course-crs-grading", "course-icans-grading"):
        rows = _rows(page, section)
        assert rows, section
        lefts = {round(o["inputLeft"]) for r in rows for o in r["options"]}
        assert len(lefts) == 1, f"{section} at {width}px: radio circles start at {sorted(lefts)}"
        for r in rows:
            assert all(o["inputTop"] >= r["nameBottom"] - 1 for o in r["options"]), f"{r['name']}: name not above"
            assert all(o["textLeft"] is not None and o["textLeft"] >= o["inputRight"] for o in r["options"]), r
    context.close()
    assert_clean(guard)
