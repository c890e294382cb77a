"""Snippets: the stretch of a result that shows why it matched."""

from __future__ import annotations

from collections.abc import Sequence

from textindex.tokenize import tokens_with_stops


def best_window(tokens: Sequence[str], terms: Sequence[str]) -> tuple[int, int] | None:
    """The shortest window ``tokens[start:end]`` that holds every term of ``terms`` at least once,
    as ``(start, end)``; the leftmost one among the shortest; None when some term never occurs
    (or ``terms`` is empty). Repeated terms count once.
    """
    raise NotImplementedError("TODO: the shortest window holding every term")


def snippet(text: str, terms: Sequence[str], margin: int = 3, limit: int = 40) -> str:
    """The best window of ``text`` with ``margin`` tokens either side, or its first ``limit``
    tokens when no window holds every term. Matching terms are in **bold**."""
    tokens = tokens_with_stops(text)
    window = best_window(tokens, terms)
    if window is None:
        start, end = 0, min(len(tokens), limit)
    else:
        start, end = max(window[0] - margin, 0), min(window[1] + margin, len(tokens))
    wanted = set(terms)
    shown = [f"**{t}**" if t in wanted else t for t in tokens[start:end]]
    return ("... " if start else "") + " ".join(shown) + (" ..." if end < len(tokens) else "")
