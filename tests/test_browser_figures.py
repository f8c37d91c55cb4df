"""The course figures as a reader sees them in Chromium: readable in the theme's light and dark modes (measured
from the rendered pixels), and every chapter page's package figure actually drawn (decoded, not a broken image)."""

from __future__ import annotations

import io

import numpy as np
import pytest
from matplotlib.image import imread
from test_slides import built_decks, deck_server, open_deck  # noqa: F401 (fixtures)

from course_tools.testing.browser_support import assert_clean, open_page
from widgets.palette import contrast_ratio

CHAPTER = "chapters/04_checkpoints.html"
FIGURE = "figure#fig-two-signals img"


def _hex(rgb) -> str:
    return "#" + "".join(f"{int(round(c * 255)):02X}" for c in rgb[:3])


def rendered_colours(page, selector: str) -> tuple[str, str]:
    """(the figure's background, its darkest ink) as drawn on screen: the most common pixel colour of the
    element's screenshot, and the darkest pixel."""
    pixels = imread(io.BytesIO(page.locator(selector).screenshot()), format="png")[..., :3].reshape(-1, 3)
    values, counts = np.unique(np.round(pixels, 2), axis=0, return_counts=True)
    background = values[counts.argmax()]
    darkest = pixels[pixels.sum(axis=1).argmin()]
    return _hex(background), _hex(darkest)


def page_background(page) -> str:
    rgb = page.evaluate("""() => getComputedStyle(document.body).backgroundColor.match(/\\d+/g).slice(0, 3)""")
    return "#" + "".join(f"{int(c):02X}" for c in rgb)


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_a_figure_reads_the_same_in_light_and_dark_mode(offline_page, book_server, mode):
    page = offline_page
    open_page(page, f"{book_server}/{CHAPTER}")
    page.evaluate(
        """(mode) => { document.documentElement.dataset.theme = mode;
                                 document.documentElement.dataset.mode = mode; }""",
        mode,
    )
    page.locator(FIGURE).scroll_into_view_if_needed()
    page.wait_for_function(
        "(sel) => { const i = document.querySelector(sel); return i.complete && i.naturalWidth > 0; }", arg=FIGURE
    )
    background, ink = rendered_colours(page, FIGURE)
    around = page_background(page)
    # an opaque, light figure: its own background, not the page's, behind its text, in either mode
    assert contrast_ratio(background, ink) >= 7, (mode, background, ink)
    if mode == "dark":
        assert contrast_ratio(around, "#FFFFFF") > 7, f"the page is not in dark mode ({around})"
        assert contrast_ratio(background, around) > 3, f"figure edge lost on {around}: {background}"
    assert_clean(page)


def test_every_chapter_figure_is_decoded_by_the_browser(offline_page, book_server, built_book):
    from test_book import toc_files

    from course_tools.conventions import CHAPTER_DOC

    page, broken = offline_page, []
    for doc in [f for f in toc_files() if CHAPTER_DOC.match(f)]:
        open_page(page, f"{book_server}/{doc}.html")
        sizes = page.evaluate("""() => [...document.querySelectorAll('figure img')]
                                   .map(i => [i.getAttribute('src'), i.naturalWidth])""")
        assert sizes, f"{doc}: no figure image"
        broken += [f"{doc}: {src}" for src, width in sizes if not width]
    assert not broken, broken
    assert_clean(page)


def test_the_deck_shows_a_figure_at_presentation_size_with_its_caption(offline_page, deck_server):  # noqa: F811
    """Chapter 6's deck: the CAR figure's slide shows the decoded SVG at least half the slide wide, and the
    caption on the same slide."""
    page = offline_page
    open_deck(page, f"{deck_server}/slides/06_car_t.slides.html")
    shown = page.evaluate("""() => {
        const img = [...document.querySelectorAll('.jp-RenderedSVG img')][0];
        const section = img.closest('section');
        const at = Reveal.getIndices(section);
        Reveal.slide(at.h, at.v);
        return new Promise(done => setTimeout(() => {
            const box = img.getBoundingClientRect();
            const slides = document.querySelector('.reveal .slides').getBoundingClientRect();
            done({decoded: img.naturalWidth > 0, share: box.width / slides.width, visible: box.height > 0,
                  caption: section.innerText});
        }, 800));
    }""")
    assert shown["decoded"] and shown["visible"]
    assert shown["share"] >= 0.5, f"the figure fills only {shown['share']:.0%} of the slide width"
    assert "The parts of a chimeric antigen receptor" in shown["caption"]
    assert_clean(page)
