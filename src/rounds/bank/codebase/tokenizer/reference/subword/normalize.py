"""Normalization: the text the model sees.

NFKC comes first: compatibility characters (full-width forms, ligatures, circled digits, the
mathematical and other styled letters people paste from social media) become the ordinary
characters they stand for. Then, for a lower-casing tokenizer, the text is lower-cased, so no
capital letter survives, those that NFKC produced included. Control characters are dropped, except
tabs and line breaks; other whitespace is kept as it is, since the pre-tokenizer splits on it.
"""

from __future__ import annotations

import unicodedata

KEEP = frozenset("\t\n\r")


def normalize(text: str, lowercase: bool = False) -> str:
    """``text`` in NFKC, then lower-cased when ``lowercase``, without control characters."""
    text = unicodedata.normalize("NFKC", text)  # first: it can make capitals (bold, double-struck letters)
    if lowercase:
        text = text.lower()
    return "".join(ch for ch in text if ch in KEEP or unicodedata.category(ch) != "Cc")
