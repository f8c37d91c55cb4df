"""Browser steps for the CAR T chapter, shared by tests/test_browser_cart.py and course_tools/bench_cart.py.

Each interaction waits for the text a reader should then see, and is timed inside the page on the way: from
the click or key event (a capture listener records performance.now()) to the moment a MutationObserver sees
that text. The tests use the waiting; only course_tools/bench_cart.py reads the times and holds them to budgets."""

from __future__ import annotations

PAGE = "chapters/06_car_t.html"

_INSTALL = """(cond) => {
  window.__t0 = null; window.__t1 = null;
  const ok = new Function('return (' + cond + ')()');
  const mark = () => { if (window.__t0 === null) window.__t0 = performance.now(); };
  document.addEventListener('click', mark, {capture: true, once: true});
  document.addEventListener('keydown', mark, {capture: true, once: true});
  document.addEventListener('input', mark, {capture: true, once: true});  // a list chosen by script
  const obs = new MutationObserver(() => {
    if (window.__t0 !== null && window.__t1 === null && ok()) { window.__t1 = performance.now(); obs.disconnect(); }
  });
  obs.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
}"""


def visible_text(selector: str) -> str:
    """JS expression: the text of every visible element matching `selector`, joined by ' | '."""
    return (
        f"[...document.querySelectorAll({selector!r})].filter(e => e.offsetParent !== null)"
        ".map(e => e.innerText).join(' | ')"
    )


def timed(page, condition: str, action) -> float:
    """Run `action()` and return milliseconds until the JS boolean expression `condition` holds."""
    page.evaluate(_INSTALL, f"() => ({condition})")
    action()
    page.wait_for_function("() => window.__t1 !== null", timeout=5_000)
    return page.evaluate("() => window.__t1 - window.__t0")


def open_chapter(page, base_url: str) -> None:
    """Open the chapter and wait until all three widgets show their controls and first panels
    (course_tools.bench_cart times the two steps)."""
    load_chapter(page, base_url)
    wait_for_widgets(page)


def load_chapter(page, base_url: str) -> None:
    page.goto(f"{base_url}{PAGE}", wait_until="load")


def wait_for_widgets(page) -> None:
    for cls in ("course-car-t-manufacturing", "course-car-t-timeline", "course-car-t-grading"):
        page.locator(f".{cls} .course-choices input, .{cls} .course-choice-list select").first.wait_for(
            state="visible", timeout=15_000
        )
    for sel in (f"{MAN} .course-panel h4", f"{TL} .course-panel h4", ".course-car-t-grading .course-grade"):
        page.wait_for_function(f"() => {visible_text(sel)} !== ''", timeout=15_000)


MAN = ".course-car-t-manufacturing"
TL = ".course-car-t-timeline"


def click_through_manufacturing(page, titles: list[str]) -> list[float]:
    """Choose every step from the list in turn; the visible heading must name that step; then the list's up
    arrow goes back one step (the previous/next path). Returns ms per choice."""
    times = []
    heading = visible_text(f"{MAN} .course-panel h4")
    steps = page.locator(f"{MAN} .course-choice-list select")
    assert page.evaluate(f"() => {heading}").startswith(f"Step 1 of {len(titles)}: {titles[0]}")
    for i, title in enumerate(titles[1:], start=2):
        want = f"Step {i} of {len(titles)}: {title}"
        times.append(timed(page, f"{heading} === {want!r}", lambda i=i: steps.select_option(index=i - 1)))
    steps.focus()
    want = f"Step {len(titles) - 1} of {len(titles)}: {titles[-2]}"
    times.append(timed(page, f"{heading} === {want!r}", lambda: page.keyboard.press("ArrowUp")))
    return times


def timeline_heading() -> str:
    return visible_text(f"{TL} .course-panel h4")


def timeline_events() -> str:
    return visible_text(f"{TL} .course-panel li > strong")


def move_timeline(page, key: str, times: int, expect_heading: str) -> float:
    """Step the day list with the keyboard (ArrowDown: a day on; ArrowUp: a day back), `times` presses."""
    days = page.locator(f"{TL} .course-choice-list select")
    days.focus()
    for _ in range(times - 1):
        page.keyboard.press(key)
    return timed(page, f"{timeline_heading()}.startsWith({expect_heading!r})", lambda: page.keyboard.press(key))


def set_evidence(page, label: str, expect_heading_part: str) -> float:
    radio = page.locator(f"{TL} .course-choices").get_by_role("radio", name=label, exact=True)
    return timed(page, f"{timeline_heading()}.includes({expect_heading_part!r})", radio.check)


def grade_shown(section: str) -> str:
    return visible_text(f".{section} .course-grade")


def choose(page, section: str, domain_label: str, option: str, expect: str) -> float:
    box = page.locator(f".{section} .widget-radio", has_text=domain_label)
    label = box.locator("label", has_text=option).first
    return timed(page, f"{grade_shown(section)}.startsWith({expect!r})", label.click)
