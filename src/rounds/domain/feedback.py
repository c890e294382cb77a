"""Feedback modes: how much of a failing hidden test the user is shown.

* open: everything, expected values included;
* standard: which test failed and where it went wrong, never the expected value;
* blind: pass or fail only, as in an exam.

Visible examples always show everything: they are in the statement anyway.
"""

from __future__ import annotations

from rounds.domain.verdict import Report

MODES = ("open", "standard", "blind")


def apply_mode(report: Report, mode: str) -> Report:
    if mode not in MODES:
        raise ValueError(f"feedback mode must be one of {', '.join(MODES)}, not {mode!r}")
    for t in report.tests:
        if t.visible or mode == "open":
            continue
        t.expected = None
        if t.steps:
            for row in t.steps:
                if not row.get("ok"):
                    row["expected"] = "hidden"
        if mode == "blind":
            t.message = ""
            t.steps = None
            t.actual = None
            t.output = ""
    return report
