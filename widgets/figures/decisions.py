"""Decision-tree figures: is a test a personalisation biomarker (chapter 8), and how a hepatitis B screening
panel is read before a B-cell-depleting antibody (chapter 10, from the interpreter's own data)."""

from __future__ import annotations

from matplotlib.figure import Figure

from widgets.figures import draw as d
from widgets.figures.registry import course_figure
from widgets.models.figure_facts import load_figure_facts
from widgets.models.hbv_serology import load_hbv_serology
from widgets.palette import OKABE_ITO

ANSWER_COLOUR = {"changes": "bluish_green", "mixed": "yellow", "nothing": "sky_blue"}


def _answer(ax, start, end, word: str) -> None:
    """An arrow with its answer written beside it (above a level arrow, right of a falling one)."""
    d.arrow(ax, start, end)
    level = abs(start[1] - end[1]) < 0.05
    d.label(
        ax,
        (start[0] + end[0]) / 2 + (0 if level else 0.08),
        (start[1] + end[1]) / 2 + (0.12 if level else 0),
        word,
        ha="center" if level else "left",
        bold=True,
        size=d.SMALL_PT,
    )


@course_figure("biomarker-decision")
def biomarker_decision() -> Figure:
    """Two questions down the left; a 'yes' to either leads right to its group of the chapter's tests, a 'no'
    to both leads to the tests that change nothing."""
    facts = load_figure_facts("biomarker-decision")
    p = facts.part
    height = 5.6
    fig, ax = d.canvas(d.WIDTH_IN, height)
    d.title(ax, 0.25, height - 0.15, facts.title)
    q_x, q_w = 0.25, 2.9
    a_x = q_x + q_w + 0.7
    a_w = d.WIDTH_IN - 0.25 - a_x

    def question(top: float, part) -> d.Box:
        h = d.needed_height(q_w, part.label, part.note)
        return d.box(ax, q_x, top - h, q_w, h, part.label, part.note, dashed=True)

    def answer(centre_y: float, part_id: str) -> d.Box:
        part = p(part_id)
        h = d.needed_height(a_w, part.label, part.note)
        return d.box(ax, a_x, centre_y - h / 2, a_w, h, part.label, part.note, fill=OKABE_ITO[ANSWER_COLOUR[part_id]])

    start = question(height - 0.6, p("start"))
    q1 = question(start.y - 0.45, p("changes-question"))
    d.link(ax, start, q1)
    changes = answer(q1.y + q1.h / 2, "changes")
    _answer(ax, q1.right, changes.left, "yes")
    q2 = question(min(q1.y, changes.y) - 0.55, p("mixed-question"))
    _answer(ax, q1.bottom, q2.top, "no")
    mixed = answer(q2.y + q2.h / 2, "mixed")
    _answer(ax, q2.right, mixed.left, "yes")
    nothing = answer(min(q2.y, mixed.y) - 0.9, "nothing")
    end = (q2.bottom[0], nothing.y + nothing.h / 2)
    ax.plot([q2.bottom[0], q2.bottom[0]], [q2.bottom[1], end[1]], color="black", linewidth=1.4)
    _answer(ax, end, nothing.left, "")
    d.label(ax, q2.bottom[0] + 0.08, (q2.bottom[1] + end[1]) / 2, "no", ha="left", bold=True)
    return fig


@course_figure("hbv-panel")
def hbv_panel() -> Figure:
    """HBsAg first, then anti-HBc: four leaves, each with its risk group and, for a B-cell-depleting antibody,
    the guideline's reactivation-risk band and action (anti-HBs is shown where it changes the reading)."""
    hbv = load_hbv_serology()
    depleting = hbv.drug_class("b-cell-depleting")
    hbsag, anti_hbc, anti_hbs = hbv.markers
    leaf_w, gap, left = (d.WIDTH_IN - 0.5 - 0.45) / 4, 0.15, 0.25
    leaves = []
    for s_value in (True, False):
        for c_value in (True, False):
            statuses = {hbv.pattern(s_value, c_value, b).status for b in (True, False)}
            status = hbv.statuses[hbv.pattern(s_value, c_value, False).status]
            split = len(statuses) > 1  # anti-HBs changes the reading here: say so rather than pick one
            band = depleting.bands.get(status.id)
            band_words = (
                f"With {depleting.name}: {hbv.bands[band].label} risk of reactivation."
                if band
                else "No reactivation-risk band."
            )
            note = ("Depends on anti-HBs. " if split else f"{status.explain} ") + band_words
            leaves.append((s_value, c_value, status, band, note))
    leaf_h = max(d.needed_height(leaf_w, st.label, note, note_size=d.SMALL_PT - 0.5) for _, _, st, _, note in leaves)
    anti_hbs_matters = any(note.startswith("Depends") for *_, note in leaves)
    height = 3.2 + leaf_h + (0.75 if not anti_hbs_matters else 0.3)
    fig, ax = d.canvas(d.WIDTH_IN, height)
    d.title(ax, 0.25, height - 0.15, f"Reading a hepatitis B screening panel before {depleting.name}")
    qh = d.needed_height(2.9, f"{anti_hbc.label}?", anti_hbc.name)
    root = d.box(ax, 2.75, height - 0.65 - qh, 2.5, qh, f"{hbsag.label}?", hbsag.name, dashed=True)
    questions = {}
    for s_value in (True, False):
        questions[s_value] = d.box(
            ax,
            0.6 + (0 if s_value else 3.9),
            root.y - 0.55 - qh,
            2.9,
            qh,
            f"{anti_hbc.label}?",
            anti_hbc.name,
            dashed=True,
        )
        _answer(ax, root.bottom, questions[s_value].top, "positive" if s_value else "negative")
    x = left
    for s_value, c_value, status, band, note in leaves:
        q = questions[s_value]
        leaf = d.box(
            ax,
            x,
            q.y - 0.5 - leaf_h,
            leaf_w,
            leaf_h,
            status.label,
            note,
            fill=OKABE_ITO["vermillion" if band == "high" else "sky_blue"],
            note_size=d.SMALL_PT - 0.5,
        )
        _answer(ax, q.bottom, leaf.top, "positive" if c_value else "negative")
        x += leaf_w + gap
    if not anti_hbs_matters:  # derived from the data: true only if no leaf depends on anti-HBs
        d.note(
            ax,
            left,
            0.5,
            f"{anti_hbs.label} ({anti_hbs.name}) does not move anyone between these groups.",
            d.WIDTH_IN - 2 * left,
        )
    return fig
