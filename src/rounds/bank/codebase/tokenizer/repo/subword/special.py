"""Special tokens: markers such as ``<s>`` or ``<|endoftext|>`` that stand for themselves.

They are found in the raw text before anything else happens to it, so that normalization and
pre-tokenization never change or split them. Where two special tokens could match at the same
place, the longer one wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def split_special(text: str, specials: Iterable[str]) -> list[tuple[str, bool]]:
    """``text`` cut into segments, in order, each as ``(segment, is_special)``: the special tokens
    it holds, and the plain text between them (empty plain segments are left out)."""
    tokens = sorted({t for t in specials if t}, key=lambda t: (-len(t), t))
    if not tokens:
        return [(text, False)] if text else []
    pattern = re.compile("|".join(re.escape(t) for t in tokens))
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            out.append((text[pos:m.start()], False))
        out.append((m.group(), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out
