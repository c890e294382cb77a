"""Feedback modes: how much of a failing hidden test the user is shown.

* open: everything, expected values included;
* standard: which test failed and where it went wrong, never the expected value nor a figure it
  can be worked out from (a float answer's error next to the value returned): "index 3 is off,
  tolerance 1e-06", not "max abs error 2.6";
* blind: pass or fail only, as in an exam.

Visible examples always show everything: they are in the statement anyway. A test's
``open_detail`` (the checker's figures) is added to its message where everything is shown and
dropped everywhere else, so applying a mode twice changes nothing. A failed case's ``hint`` (how
to fix it: "shift by the max") is added in open mode only, visible examples included; standard
mode keeps to the case's note, which names the symptom.
"""

from __future__ import annotations

from rounds.domain.verdict import Report

MODES = ("open", "standard", "blind")


def apply_mode(report: Report, mode: str) -> Report:
    if mode not in MODES:
        raise ValueError(f"feedback mode must be one of {', '.join(MODES)}, not {mode!r}")
    for t in report.tests:
        detail, t.open_detail = t.open_detail, None
        hint, t.hint = t.hint, None
        if mode == "open" and hint and t.message:
            t.message = f"{t.message} Hint: {hint}"
        if t.visible or mode == "open":
            if detail and t.message:
                t.message = f"{t.message} ({detail})"
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
