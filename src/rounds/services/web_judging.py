"""Judging for the web pages: visible examples plus custom inputs, and hidden tests, test by test.

The submission services store runs and submissions; these helpers cover what the page needs on
top: a size check before anything runs, splitting the custom-input box into inputs, and the
number of tests a run will have, for the progress bar.
"""

from __future__ import annotations

from collections.abc import Callable

from rounds.content.package import Problem
from rounds.content.testkit import Call, Case
from rounds.domain.verdict import TestResult
from rounds.judge.engine import MAX_SOURCE_BYTES
from rounds.services.cases import MAX_CUSTOM

OnResult = Callable[[TestResult], None]


class JudgeRefused(Exception):
    """The judge cannot take this request; the message says why in the user's terms."""


def check_source(source: str) -> None:
    """Refuse a source over the size limit before anything runs."""
    size = len(source.encode("utf-8", "replace"))
    if size > MAX_SOURCE_BYTES:
        raise JudgeRefused(f"Your code is {size / 1024:.0f} KB; the judge takes at most "
                           f"{MAX_SOURCE_BYTES // 1024} KB. Nothing was run, and your code is unchanged.")


def split_custom(problem: Problem, text: str) -> list[str]:
    """The custom-input box as separate inputs: one per line, or the whole box for a list of calls."""
    text = text.strip()
    if not text:
        return []
    if problem.grader == "opstream":
        return [text]
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if len(lines) > MAX_CUSTOM:
        raise JudgeRefused(f"At most {MAX_CUSTOM} custom inputs per run (one per line).")
    return lines


FULL_INPUT_CHARS = 20_000


def full_inputs(problem: Problem, *, level: int, custom: list[Case]) -> dict[str, str]:
    """The whole input of each visible example and custom input whose shown call is cut short,
    keyed by the call as the results show it (e.g. ``f(array(shape=(2, 2), ...))``)."""
    from rounds.judge.graders.base import fmt_call

    try:
        cases = [c for c in [*problem.examples(level), *custom] if isinstance(c, Call)]
    except Exception:
        return {}
    out: dict[str, str] = {}
    for c in cases:
        entry = c.entry or problem.entry
        shown = fmt_call(entry, c.args)
        full = f"{entry}({', '.join(_full_repr(a) for a in c.args)})"
        if full != shown:
            out[shown] = full if len(full) <= FULL_INPUT_CHARS else full[:FULL_INPUT_CHARS] + " ..."
    return out


def _full_repr(v: object) -> str:
    try:
        import numpy as np

        if isinstance(v, np.ndarray):
            body = np.array2string(v, separator=", ", threshold=5_000, max_line_width=100)
            return f"np.array({body}, dtype={v.dtype})"
    except ImportError:
        pass
    text = repr(v)
    return text if len(text) <= FULL_INPUT_CHARS else text[:FULL_INPUT_CHARS] + " ..."


def custom_labels(problem: Problem, text: str) -> list[str]:
    """How messages name the inputs of the custom-input box: by input and by line."""
    if problem.grader == "opstream":
        return ["the custom input"]
    numbered = [n for n, ln in enumerate(text.strip("\n").splitlines(), 1) if ln.strip()]
    first = len(text) - len(text.lstrip("\n"))
    lead = text[:first].count("\n")
    return [f"input {i} (line {n + lead})" for i, n in enumerate(numbered, 1)]


def custom_example(problem: Problem) -> str:
    """A line of custom input shaped like the first visible example."""
    if problem.grader == "opstream":
        return '[("__init__",), ("method", "arg")]'
    try:
        first = next(c for c in problem.examples(1) if isinstance(c, Call))
    except Exception:
        return "1, 2"
    text = repr(tuple(first.args))[1:-1].rstrip(",")
    return text if len(text) <= 100 else text[:97] + "..."


def count_examples(problem: Problem, *, level: int, extra: int = 0) -> int | None:
    """How many tests a run will have (None when the package cannot say)."""
    try:
        cases = problem.examples(level)
        if problem.grader == "unittest":  # one case per level file, many tests in each
            return sum(len(getattr(c, "tests", []) or [1]) for c in cases) + extra
        return len(cases) + extra
    except Exception:
        return None
