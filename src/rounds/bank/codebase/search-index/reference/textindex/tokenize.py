"""Tokenizing: what a word is, for indexing and for queries alike.

Text is lower-cased; a token is a run of letters or digits, with inner apostrophes kept
("don't"); stop words (a short English list) are dropped. The same function must serve documents
and queries, or a query term can never match.
"""

from __future__ import annotations

import re

STOP_WORDS = frozenset("a an and are as at be by for from in is it of on or that the to was with".split())
_TOKEN = re.compile(r"[0-9a-z]+(?:'[0-9a-z]+)*")


def tokens_with_stops(text: str) -> list[str]:
    """Every token, stop words included (positions in a document count them)."""
    return _TOKEN.findall(text.lower())


def tokenize(text: str) -> list[str]:
    """The tokens of ``text`` without stop words, in order."""
    return [t for t in tokens_with_stops(text) if t not in STOP_WORDS]
