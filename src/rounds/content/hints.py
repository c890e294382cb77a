"""A hint ladder per problem: three hints, each giving away a little more than the one before.

A package may write its own in ``hints.md`` (one hint per ``## Hint`` section or ``- `` item);
otherwise the ladder is drawn from the package itself: the pattern (tags) and the complexity to
aim for, then the first trap the editorial warns about, then the first sentences of its approach.
"""

from __future__ import annotations

import re

from rounds.content.package import Problem

GENERIC_TAGS = {"from-scratch", "numpy", "pytorch", "oop", "design", "imported", "unittest", "debugging", "test",
                "fixture"}
MAX_HINT = 320


def hints(problem: Problem) -> list[str]:
    """The problem's hints, mildest first (at most three; none for a problem without material)."""
    own = problem.root / "hints.md"
    if own.is_file():
        text = own.read_text(encoding="utf-8")
        parts = [p.strip() for p in re.split(r"(?m)^##\s.*$", text) if p.strip()]
        if len(parts) <= 1:
            parts = [m.strip() for m in re.findall(r"(?m)^-\s+(.+)$", text)] or parts
        return [_cut(p) for p in parts[:3]]
    out = []
    patterns = [t.replace("-", " ") for t in problem.tags if t not in GENERIC_TAGS]
    target = _expected_complexity(problem)
    first = []
    if patterns:
        first.append(f"Patterns that fit: {', '.join(patterns[:4])}.")
    if target:
        first.append(f"Aim for {target}.")
    if first:
        out.append(" ".join(first))
    traps = _section(problem.editorial, "Traps")
    bullet = re.search(r"(?m)^-\s+(.+(?:\n(?!-)\s+.+)*)", traps)
    if bullet:
        out.append("A trap to avoid: " + " ".join(bullet.group(1).split()))
    approach = " ".join(_section(problem.editorial, "Approach").split())
    if approach:
        sentences = re.findall(r".+?[.!?](?:\s|$)", approach + " ")
        out.append("The approach: " + "".join(sentences[:2]).strip())
    return [_cut(h) for h in out[:3]]


def _section(markdown: str, title: str) -> str:
    m = re.search(rf"(?ms)^##\s+{re.escape(title)}\b.*?$\n(.*?)(?=^##\s|\Z)", markdown or "")
    return m.group(1).strip() if m else ""


def _expected_complexity(problem: Problem) -> str | None:
    try:
        value = getattr(problem.tests, "expected_complexity", None)
    except Exception:  # noqa: BLE001 - a hint is never worth a failing page
        return None
    return value if isinstance(value, str) and value else None


def _cut(text: str) -> str:
    return text if len(text) <= MAX_HINT else text[: MAX_HINT - 3].rsplit(" ", 1)[0] + "..."


__all__ = ["hints"]
