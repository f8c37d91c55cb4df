"""Text from data files is Markdown rendered with raw HTML disabled: a data file cannot inject script."""
from __future__ import annotations

import html
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
