"""Markdown to safe HTML: problem statements, editorials and user notes.

Maths (``$...$`` inline, ``$$...$$`` display) is kept out of Markdown's hands, so that ``x_i`` never
turns into emphasis, and emitted as escaped TeX in a ``span.math`` that the browser renders with
KaTeX. Everything is then sanitised with nh3: problem packages and notes are content, not code.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "details", "div", "em", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "ol", "p", "pre", "s", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "span": {"class"},
    "code": {"class"},
    "div": {"class"},
    "th": {"align"},
    "td": {"align"},
    "ol": {"start"},
}


def _math(state: StateInline, silent: bool) -> bool:
    src, start = state.src, state.pos
    if src[start] != "$" or (start > 0 and src[start - 1] == "\\"):
        return False
    display = src.startswith("$$", start)
    delim = "$$" if display else "$"
    body_start = start + len(delim)
    if body_start >= len(src):
        return False
    if not display and src[body_start] in " \t\n":
        return False
    end = body_start
    while True:
        end = src.find(delim, end)
        if end < 0:
            return False
        if src[end - 1] != "\\":
            break
        end += 1
    body = src[body_start:end]
    if not body.strip():
        return False
    if not display:
        if body[-1] in " \t\n":
            return False
        after = src[end + 1: end + 2]
        if after.isdigit():
            return False  # "$5 and $10" is money, not maths
    if not silent:
        token = state.push("math", "span", 0)
        token.content = body.strip() if display else body
        token.meta = {"display": display}
    state.pos = end + len(delim)
    return True


def _render_math(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
    tok = tokens[idx]
    cls = "math math-display" if tok.meta["display"] else "math"
    return f'<span class="{cls}">{escape(tok.content, quote=False)}</span>'


@lru_cache(maxsize=1)
def _md() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table").enable("strikethrough")
    md.inline.ruler.before("escape", "math", _math)
    md.add_render_rule("math", _render_math)
    return md


def render(text: str) -> str:
    """Markdown to sanitised HTML."""
    html = _md().render(text)
    return sanitise(html)


def sanitise(html: str) -> str:
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, link_rel="noopener noreferrer",
                     url_schemes={"http", "https", "mailto"})
