"""The theme's icon font, cut down to the icons the built book uses (called by course_tools.sphinx_ext).

pydata-sphinx-theme draws its icons (header buttons, admonition markers, ...) from the Font Awesome 6 solid
webfont: 156 kB on every page for about twenty glyphs. After the HTML is written, `write_icon_subset` keeps the
glyphs that the built pages, the theme's scripts and the style sheets name, writes them as a small WOFF, and
writes `_static/course-icons.css`, whose @font-face for the same family and weight comes after the theme's and
so replaces it: the browser never fetches the full font.

Which glyphs: every `fa-NAME` class in the built HTML and in the theme's scripts (the scripts add a few icons
at run time), looked up in the theme's CSS catalogue (`.fa-NAME:before{content:"\\f0c9"}`), plus every icon
code point that a style sheet uses outside that catalogue (admonition markers and the like).
"""

from __future__ import annotations

import re
from pathlib import Path

FAMILY = "Font Awesome 6 Free"
WEIGHT = 900
SOURCE_FONT = "_static/vendor/fontawesome/webfonts/fa-solid-900.ttf"  # shipped by pydata-sphinx-theme
SUBSET_FONT = "_static/course-icons/fa-solid-900-subset.woff"
CSS = "course-icons.css"  # in _static/, linked from every page by course_tools.sphinx_ext
UNUSED_SCRIPT = "_static/scripts/fontawesome.js"  # the theme's SVG copy of the icons, left out of every page

# On widget pages the widget bundle's CSS points .fas/.far/.fab at its own Font Awesome 5 fonts, so the theme's
# header buttons would fetch a second icon font; they keep the theme's.
KEEP_THEME_FONT = """html .bd-header-article .fas, html .bd-header-article .far { font-family: "Font Awesome 6 Free"; }
html .bd-header-article .fab { font-family: "Font Awesome 6 Brands"; }
"""

_CATALOGUE_RULE = re.compile(
    r"((?:\.fa-[\w-]+:{1,2}before\s*,?\s*)+)\{\s*content:\s*\"((?:\\[0-9a-fA-F]+\s?|[^\"\\])+)\"\s*;?\s*\}"
)
_CATALOGUE_NAME = re.compile(r"\.fa-([\w-]+):{1,2}before")
_CSS_STRING = re.compile(r"\"((?:\\[0-9a-fA-F]+\s?|[^\"\\])*)\"")
ICON_RANGE = range(0xE000, 0xF900)  # Font Awesome's icons live in Unicode's private use area
_CLASS_TOKEN = re.compile(r"\bfa-([a-z0-9]+(?:-[a-z0-9]+)*)")


def _codepoints(css_string: str) -> list[int]:
    out, i = [], 0
    while i < len(css_string):
        if css_string[i] == "\\":
            m = re.match(r"\\([0-9a-fA-F]+)\s?", css_string[i:])
            out.append(int(m.group(1), 16))
            i += m.end()
        else:
            out.append(ord(css_string[i]))
            i += 1
    return out


def icon_catalogue(css: str) -> dict[str, list[int]]:
    """{icon name: code points} from Font Awesome's `.fa-NAME:before{content:"..."}` rules."""
    names: dict[str, list[int]] = {}
    for rule in _CATALOGUE_RULE.finditer(css):
        points = _codepoints(rule.group(2))
        for name in _CATALOGUE_NAME.findall(rule.group(1)):
            names[name] = points
    return names


def wanted_codepoints(outdir: Path) -> set[int]:
    vendor = outdir / "_static" / "vendor"
    styles = [p for p in (outdir / "_static").rglob("*.css") if vendor not in p.parents and p.name != CSS]
    catalogue: dict[str, list[int]] = {}
    points: set[int] = set()
    for path in styles:
        css = path.read_text(encoding="utf-8", errors="replace")
        catalogue.update(icon_catalogue(css))
        # written as escapes ("\f05a") or as the characters themselves (the theme's --pst-icon-* variables)
        for string in _CSS_STRING.findall(_CATALOGUE_RULE.sub("", css)):
            points.update(cp for cp in _codepoints(string) if cp in ICON_RANGE)
    sources = [
        *outdir.rglob("*.html"),
        *(
            p
            for p in (outdir / "_static").rglob("*.js")
            if vendor not in p.parents and p.relative_to(outdir).as_posix() != UNUSED_SCRIPT
        ),
    ]
    for path in sources:
        for name in _CLASS_TOKEN.findall(path.read_text(encoding="utf-8", errors="replace")):
            points.update(catalogue.get(name, ()))
    return points


def write_icon_subset(outdir: Path) -> tuple[int, int] | None:
    """Write the subset font and its style sheet; returns (glyphs kept, bytes), or None if the theme has no font."""
    from fontTools import subset

    source = outdir / SOURCE_FONT
    css_path = outdir / "_static" / CSS
    if not source.exists():
        css_path.write_text(
            "/* The theme ships no Font Awesome 6 solid font here; its own icons are used. */\n" + KEEP_THEME_FONT,
            encoding="utf-8",
        )
        return None
    font = subset.load_font(str(source), subset.Options())
    available = set(font.getBestCmap())
    keep = wanted_codepoints(outdir) & available
    options = subset.Options()
    options.flavor = "woff"  # zlib; WOFF2 would need brotli, which this environment does not have
    options.layout_features = ["*"]
    options.name_IDs = ["*"]  # keep the font's copyright and licence records
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(keep))
    subsetter.subset(font)
    target = outdir / SUBSET_FONT
    target.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(target), options)
    rel = Path(SUBSET_FONT).relative_to("_static").as_posix()
    css_path.write_text(
        "/* Written by course_tools/icons.py: the theme's icon font, cut to the glyphs this book uses. This rule\n"
        "   comes after the theme's own @font-face for the same family and weight, so it replaces it. */\n"
        f'@font-face {{ font-family: "{FAMILY}"; font-style: normal; font-weight: {WEIGHT}; font-display: block;\n'
        f'  src: url("{rel}") format("woff"); }}\n' + KEEP_THEME_FONT,
        encoding="utf-8",
    )
    unused = outdir / UNUSED_SCRIPT
    for path in (unused, unused.with_suffix(".js.map"), unused.with_suffix(".js.LICENSE.txt")):
        path.unlink(missing_ok=True)
    return len(keep), target.stat().st_size
