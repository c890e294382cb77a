"""Reports back from their stored JSON form (the inverse of ``Report.to_json``)."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from rounds.domain.verdict import LevelResult, Report, TestResult, Verdict

_TEST_FIELDS = {f.name for f in fields(TestResult)}


def test_from_json(d: dict[str, Any]) -> TestResult:
    kw = {k: v for k, v in d.items() if k in _TEST_FIELDS}
    kw["verdict"] = Verdict(d["verdict"])
    kw["output"] = d.get("output") or ""
    return TestResult(**kw)


def report_from_json(d: dict[str, Any]) -> Report:
    """Rebuild a report stored with ``Report.to_json()``."""
    tests = [test_from_json(t) for t in d.get("tests", [])]
    levels = []
    for lv in d.get("levels", []):
        n = int(lv["task_id"])
        levels.append(LevelResult(n, [t for t in tests if t.level == n], ran=bool(lv.get("ran", True))))
    return Report(
        problem_id=d["problem_id"],
        levels=levels,
        message=d.get("message") or "",
        sandbox=d.get("sandbox") or "",
        seed=int(d.get("seed") or 0),
        score=d.get("score"),
        complexity=d.get("complexity"),
        phases=d.get("phases"),
    )
