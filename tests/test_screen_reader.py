"""What a screen reader is told about every widget control (issue 16, item 6), read from Chromium's own
accessibility tree (the Chrome DevTools Protocol), on every widget page of the built book: each choice is a
radio button with a name and a checked state, or a named list; nothing is a toggle button without a pressed
state or a slider without a name; and choosing an option moves the checked state the screen reader announces."""

from __future__ import annotations

import pytest
from page_visits import ax_controls

from course_tools.testing.page_audit import open_and_wait

pytestmark = pytest.mark.browser


def group_problems(rel: str, groups: list[dict]) -> list[str]:
    """A radio group is one group to the browser (one name, so one Tab stop whose arrow keys choose) and to a
    screen reader (a radiogroup named by the description the learner sees)."""
    problems, seen = [], set()
    for g in groups:
        what = f"{rel}: radio group {g['shown'] or '(no description)'!r}"
        if g["role"] != "radiogroup":
            problems.append(f"{what} has role {g['role']!r}, not radiogroup")
        if len(g["names"]) != 1 or not g["names"][0]:
            problems.append(f"{what}: its options are named {g['names']!r}, not one shared name")
        elif g["names"][0] in seen:
            problems.append(f"{what} shares the name {g['names'][0]!r} with another group")
        else:
            seen.add(g["names"][0])
        if g["label"] != g["shown"]:
            problems.append(f"{what} is announced as {g['label']!r}")
    return problems


def test_every_widget_control_is_announced_with_its_name_and_state(page_visits):
    """Each control with its name and state; each radio group as a group, named by its visible description (every
    widget page and deck at 1300 px, light mode: tests/page_visits.py)."""
    pages = {rel: v for rel, v in page_visits["light"].items() if "ax" in v}
    assert pages, "no widget pages"
    failures, radios, lists, groups = [], 0, 0, 0
    for rel, seen in pages.items():
        dom = seen["controls"]
        for text in seen["empty_titles"]:
            failures.append(f"{rel}: {text!r} shows the tooltip 'null'")
        page_groups = seen["groups"]
        failures += group_problems(rel, page_groups)
        groups += len(page_groups)
        ax = seen["ax"]
        for c in ax:
            # the course's widgets choose with radios and lists: a toggle button (it tells no pressed state) or a
            # slider (its handle's name came from a patch) is what issue 16 removed
            if c["role"] in ("slider", "togglebutton", "button"):
                failures.append(f"{rel}: a {c['role']} {c['name']!r} (pressed: {c['pressed']!r})")
            if not c["name"].strip():
                failures.append(f"{rel}: a {c['role']} with no accessible name")
            if c["role"] == "radio" and c["checked"] not in ("true", "false"):
                failures.append(f"{rel}: radio {c['name']!r} exposes no checked state ({c['checked']!r})")
        n_radio = sum(c["role"] == "radio" for c in ax)
        n_checked = sum(c["role"] == "radio" and c["checked"] == "true" for c in ax)
        dom_radio = [d for d in dom if d["type"] == "radio"]
        # the tree tells of every radio the page shows, and the same ones as checked
        if n_radio != len(dom_radio) or n_checked != sum(d["checked"] for d in dom_radio):
            failures.append(
                f"{rel}: {n_radio} radios ({n_checked} checked) in the tree, {len(dom_radio)} "
                f"({sum(d['checked'] for d in dom_radio)} checked) on the page"
            )
        radios += n_radio
        lists += sum(c["role"] == "combobox" for c in ax)
    assert not failures, "\n".join(failures)
    assert radios > 100 and lists >= 3, (radios, lists)  # the course has both kinds, on many pages
    assert groups > 30, groups


def test_choosing_an_option_moves_the_announced_checked_state(offline_page, book_server):
    """On the antibody page: the interval group's checked radio, as the tree tells it, follows a click."""
    page = offline_page
    open_and_wait(page, f"{book_server}chapters/02_monoclonal_antibodies.html")
    group = page.locator(".course-concentration .course-choices").nth(1)

    def checked_names() -> list[str]:
        return [c["name"] for c in ax_controls(page) if c["role"] == "radio" and c["checked"] == "true"]

    before = checked_names()
    assert "28 days" in before and "14 days" not in before, before
    group.get_by_role("radio", name="14 days", exact=True).check()
    after = checked_names()
    assert "14 days" in after and len(after) == len(before), after


def test_group_problems_finds_ungrouped_radios():
    # ipywidgets' own radios: no role, options without a name, the group announced as nothing
    bare = {"role": None, "names": [""], "label": "", "shown": "Your prediction:"}
    assert len(group_problems("p", [bare])) == 3
    good = {"role": "radiogroup", "names": ["view1"], "label": "Your prediction:", "shown": "Your prediction:"}
    assert group_problems("p", [good]) == []
    assert group_problems("p", [good, good]) == [
        "p: radio group 'Your prediction:' shares the name 'view1' with another group"
    ]
