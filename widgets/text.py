"""Text from data files is Markdown rendered with raw HTML disabled: a data file cannot inject script."""

from __future__ import annotations

import html
import re
from functools import lru_cache

from markdown_it import MarkdownIt

# "js-default" = CommonMark with raw HTML off and unsafe link schemes (javascript:, data:) refused.
_MD = MarkdownIt("js-default").enable("table")


@lru_cache(maxsize=2048)
def markdown_to_html(text: str) -> str:
    return _MD.render(text).strip()


@lru_cache(maxsize=2048)
def markdown_inline(text: str) -> str:
    """One line of Markdown without the surrounding <p>, for labels and table cells."""
    return _MD.renderInline(text)


def escape(text: str) -> str:
    return html.escape(str(text), quote=True)


_CODE_SPAN = re.compile(r"(`+)(.*?)\1", re.S)


def myst_safe(text: str) -> str:
    """Data text placed into MyST Markdown that the book renders (objectives, the lecturer guide): kept as
    written, except that `<` is escaped outside backtick spans, so a data file cannot inject HTML into the page.
    Inside a span (a role such as {term}`B cells <B cell>`, or code) `<` is literal text, never HTML."""
    text, out, last = str(text), [], 0
    for m in _CODE_SPAN.finditer(text):
        out += [text[last : m.start()].replace("<", "&lt;"), m.group(0)]
        last = m.end()
    out.append(text[last:].replace("<", "&lt;"))
    return "".join(out).strip()


def myst_line(text: str) -> str:
    """One line of data text for a MyST list item: whitespace folded, HTML neutralised."""
    return " ".join(myst_safe(text).split())
