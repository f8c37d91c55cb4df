"""The one place for accessibility findings the course accepts, each with its reason.

The gate (tests/test_accessibility.py) runs axe-core (pinned in package.json) on every built page and deck and
fails on every violation of impact "critical", "serious" or "moderate". A finding in the course's own content
(the article of a book page, a deck's slides, a course widget, or the page as a whole) always fails. A finding in
the theme's own markup (header, sidebars, footer) fails unless it matches an entry here by rule id and a
substring of the offending element's HTML, and every entry must still match something, so the list cannot rot.
Entries are for theme markup that CSS, templates or course_tools/sphinx_ext.py cannot reasonably fix.

Fixed rather than allowed (for the record):
- label-content-name-mismatch (serious, axe 4.14) on every hide-input toggle: myst-nb's `<summary
  aria-label="Toggle hidden content">` shows "Show code cell source"; course_tools/sphinx_ext.py writes the summary
  without the aria-label, so it is named by what it shows.
- label-content-name-mismatch (serious, axe 4.14) on the theme's search button (aria-label "Search", visible
  text "Search Ctrl+K"): course_tools/templates/search-button-field.html drops the aria-label.
- aria-required-children (critical) on the bibliography: docutils writes role="doc-biblioentry" entries in a
  role="list"; course_tools/sphinx_ext.py rewrites them to role="listitem".
- Selected toggle buttons were marked by background colour only: course_tools/static/course-a11y.css adds a bold
  label and an underline; keyboard focus gets a visible outline.
"""

from __future__ import annotations

# (axe rule id, substring of the element's HTML, reason)
AXE_ALLOWED: list[tuple[str, str, str]] = [
    (
        "region",
        'class="navbar-brand logo"',
        "sphinx-book-theme puts the book's title link at the top of the primary sidebar, a <div> that is not a "
        "landmark, so axe finds content outside every region (moderate). The link is reachable and named; moving "
        "it means re-templating the theme's sidebar layout.",
    ),
]

GATED_IMPACTS = {"critical", "serious", "moderate"}


def allowed(rule_id: str, node_html: str) -> bool:
    return any(rule_id == rid and snippet in node_html for rid, snippet, _ in AXE_ALLOWED)


def entry_for(rule_id: str, node_html: str) -> tuple[str, str, str] | None:
    return next((e for e in AXE_ALLOWED if e[0] == rule_id and e[1] in node_html), None)
