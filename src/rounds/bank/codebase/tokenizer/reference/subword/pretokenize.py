"""Pre-tokenization: normalized text into words, each with the place it comes from.

A word is a run of letters, digits and underscores, or a single other character that is not
whitespace (a punctuation mark or a symbol); whitespace separates words and is dropped. BPE never
merges across words. Each word comes with its offsets ``(start, end)`` in the text it was cut from,
so that ``text[start:end] == word``: offsets count characters (``str`` indices), not bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

WORD = re.compile(r"\w+|[^\w\s]")

Span = tuple[int, int]


def pre_tokenize(text: str) -> list[tuple[str, Span]]:
    """The words of ``text`` in order, each as ``(word, (start, end))``."""
    # the spans of the matches in the whole text: every whitespace character skipped is counted
    return [(m.group(), m.span()) for m in WORD.finditer(text)]


def word_counts(texts: Iterable[str]) -> dict[str, int]:
    """How often each word occurs in ``texts`` (already normalized), for training merges."""
    counts: dict[str, int] = {}
    for text in texts:
        for word, _ in pre_tokenize(text):
            counts[word] = counts.get(word, 0) + 1
    return counts
