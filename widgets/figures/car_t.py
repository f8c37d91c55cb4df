"""CAR T-cell chapter figures: the domains of a CAR, and the outcomes of the autoimmune CAR T studies."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch, Rectangle

from widgets.figures import draw as d
from widgets.figures.registry import course_figure
from widgets.models.car_t_outcomes import CRS_GRADES, load_car_t_outcomes
from widgets.models.figure_facts import load_figure_facts
from widgets.palette import FILL_HATCH, INK, MUTED, OKABE_ITO, PAPER

_DOMAIN_COLOUR = {
    "scfv": "sky_blue",
    "hinge": None,
    "transmembrane": None,
    "costimulatory": "orange",
    "cd3zeta": "bluish_green",
}


@course_figure("car-domains")
def car_domains() -> Figure:
    """The CAR from the outside in: antigen-binding domain, hinge, transmembrane domain, co-stimulatory domain,
    CD3ζ; each domain drawn where it sits relative to the T-cell membrane and labelled with what it does."""
    facts = load_figure_facts("car-domains")
    width, height = d.WIDTH_IN, 5.6
    fig, ax = d.canvas(width, height)
    d.title(ax, 0.2, height - 0.15, facts.title)

    # the target cell at the top, the T cell's membrane across the middle
    target = facts.part("target")
    ax.add_patch(
        FancyBboxPatch(
            (0.3, 4.45),
            3.4,
            0.5,
            boxstyle="round,pad=0,rounding_size=0.2",
            facecolor=PAPER,
            edgecolor=INK,
            linewidth=1.4,
        )
    )
    d.label(ax, 0.55, 4.7, "B cell", size=d.FONT_PT, bold=True, ha="left")
    ax.add_patch(Rectangle((1.93, 4.15), 0.14, 0.3, facecolor=INK, edgecolor=INK))  # the target antigen
    membrane_y = 2.35
    ax.add_patch(Rectangle((0.3, membrane_y), 3.4, 0.36, facecolor=PAPER, edgecolor=INK, hatch="||", linewidth=1.0))
    d.label(ax, 0.35, membrane_y + 0.55, "outside the T cell", ha="left", colour=MUTED, italic=True)
    d.label(ax, 0.35, membrane_y - 0.2, "inside the T cell", ha="left", colour=MUTED, italic=True)

    # the CAR itself: domains stacked from the target down into the cell; every domain is labelled, so the
    # colours only group them (antibody-derived, co-stimulatory, signalling)
    cx = 2.0
    shapes = {
        "scfv": (cx - 0.45, 3.55, 0.9, 0.6),
        "hinge": (cx - 0.07, 2.75, 0.14, 0.8),
        "transmembrane": (cx - 0.12, membrane_y - 0.02, 0.24, 0.4),
        "costimulatory": (cx - 0.4, 1.45, 0.8, 0.55),
        "cd3zeta": (cx - 0.4, 0.55, 0.8, 0.75),
    }
    ax.add_patch(Rectangle((cx - 0.05, 0.9), 0.1, 2.8, facecolor=INK, edgecolor=INK))  # the chain
    for part_id, (x, y, w, h) in shapes.items():
        colour = _DOMAIN_COLOUR[part_id]
        ax.add_patch(
            FancyBboxPatch(
                (x, y),
                w,
                h,
                boxstyle="round,pad=0,rounding_size=0.06",
                facecolor=OKABE_ITO[colour] if colour else PAPER,
                edgecolor=INK,
                linewidth=1.2,
            )
        )

    # labels in a column on the right, each joined to its domain by a leader line
    column_x, column_w = 4.2, width - 4.2 - 0.25
    rows = [
        ("target", 4.7),
        ("scfv", 3.85),
        ("hinge", 3.15),
        ("transmembrane", 2.5),
        ("costimulatory", 1.72),
        ("cd3zeta", 0.9),
    ]
    for part_id, y in rows:
        part = target if part_id == "target" else facts.part(part_id)
        h = d.needed_height(column_w, part.label, part.note)
        d.box(ax, column_x, y - h / 2, column_w, h, part.label, part.note, edge=MUTED, linewidth=0.8)
        if part_id == "target":
            start = (3.7, 4.7)
        else:
            x, sy, w, sh = shapes[part_id]
            start = (x + w, sy + sh / 2)
        ax.plot([start[0], column_x], [start[1], y], color=MUTED, linewidth=0.9, linestyle=":")
    return fig


CRS_FILL = {"none": None, "grade_1": "yellow", "grade_2": "orange", "grade_3_or_higher": "vermillion"}


@course_figure("car-t-outcomes")
def car_t_outcomes() -> Figure:
    """Left: for each study cohort, a bar of its patients with the responders filled, labelled 'n of N' and the
    study's own response measure. Right: each study's patients by highest CRS grade, one hatched segment per
    grade with its count written on it."""
    outcomes = load_car_t_outcomes()
    rows = [(study, cohort) for study in outcomes.studies for cohort in study.cohorts]
    row_h = 0.62
    height = 1.2 + len(rows) * row_h + 0.5 + len(outcomes.studies) * 0.55 + 1.0
    fig, ax = d.canvas(d.WIDTH_IN, height)
    d.title(ax, 0.25, height - 0.15, f"CAR T cells in autoimmune disease: response and CRS (as of {outcomes.as_of})")
    scale_max = max(c.patients for _, c in rows)
    label_w, bar_x = 2.35, 2.7
    bar_w = d.WIDTH_IN - 0.25 - bar_x
    unit = bar_w * 0.45 / scale_max  # inches per patient, the same for every bar
    top = height - 0.75
    d.label(ax, 0.25, top, "Patients reaching each study's own response measure", ha="left", size=d.FONT_PT, bold=True)
    y = top - 0.25
    for study, cohort in rows:
        y -= row_h
        d.block(ax, 0.25, y + row_h - 0.08, f"{study.label}: {cohort.disease}", label_w, size=d.SMALL_PT)
        ax.add_patch(
            Rectangle((bar_x, y + 0.12), cohort.patients * unit, 0.3, facecolor=PAPER, edgecolor=INK, linewidth=0.9)
        )
        ax.add_patch(
            Rectangle(
                (bar_x, y + 0.12),
                cohort.responders * unit,
                0.3,
                facecolor=OKABE_ITO["blue"],
                edgecolor=INK,
                hatch=FILL_HATCH["blue"],
                linewidth=0.9,
            )
        )
        d.block(
            ax,
            bar_x + scale_max * unit + 0.15,
            y + row_h - 0.1,
            f"{cohort.responders} of {cohort.patients}: {cohort.response}",
            bar_w - scale_max * unit - 0.15,
            size=d.SMALL_PT,
        )
    y -= 0.45
    d.label(
        ax, 0.25, y, "Patients by highest cytokine release syndrome (CRS) grade", ha="left", size=d.FONT_PT, bold=True
    )
    max_patients = max(s.patients for s in outcomes.studies)
    crs_unit = bar_w / max_patients
    for study in outcomes.studies:
        y -= 0.55
        d.block(ax, 0.25, y + 0.42, study.label, label_w, size=d.SMALL_PT)
        x = bar_x
        for grade, _ in CRS_GRADES:
            n = study.crs[grade]
            if not n:
                continue
            colour = CRS_FILL[grade]
            ax.add_patch(
                Rectangle(
                    (x, y + 0.05),
                    n * crs_unit,
                    0.32,
                    facecolor=OKABE_ITO[colour] if colour else PAPER,
                    edgecolor=INK,
                    hatch=FILL_HATCH[colour] if colour else None,
                    linewidth=0.9,
                )
            )
            ax.text(
                x + n * crs_unit / 2,
                y + 0.21,
                str(n),
                ha="center",
                va="center",
                fontsize=d.SMALL_PT,
                fontweight="bold",
                color=INK,
                bbox={"boxstyle": "round,pad=0.12", "facecolor": PAPER, "edgecolor": "none"},
            )
            x += n * crs_unit
    x = 0.25
    y -= 0.45
    ax.add_patch(Rectangle((x, y), 0.34, 0.2, facecolor=PAPER, edgecolor=INK, linewidth=0.8))
    ax.text(x + 0.41, y + 0.1, "no CRS", ha="left", va="center", fontsize=d.SMALL_PT)
    x += 0.41 + d.text_width_in("no CRS", d.SMALL_PT) + 0.25
    for grade, words in CRS_GRADES[1:]:
        x = d.swatch(ax, x, y, CRS_FILL[grade], words)
    return fig
