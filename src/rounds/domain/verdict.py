"""Verdicts, per-test results and the judge's report (Exercism results.json v3 plus our fields)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Verdict(StrEnum):
    AC = "AC"  # accepted
    WA = "WA"  # wrong answer
    TLE = "TLE"  # CPU or wall-clock limit exceeded
    MLE = "MLE"  # memory limit exceeded
    OLE = "OLE"  # output (printed text or returned value) over the limit
    RE = "RE"  # runtime error: exception, crash, exit, banned API at run time
    CE = "CE"  # the source does not compile or import, or is refused before running
    IE = "IE"  # internal error: the judge's fault, never the user's

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Verdict.AC: "Accepted",
    Verdict.WA: "Wrong answer",
    Verdict.TLE: "Time limit exceeded",
    Verdict.MLE: "Memory limit exceeded",
    Verdict.OLE: "Output limit exceeded",
    Verdict.RE: "Runtime error",
    Verdict.CE: "Compilation error",
    Verdict.IE: "Internal error",
}

OUTPUT_CAP = 500  # characters of captured stdout kept per test, as Exercism does


@dataclass
class TestResult:
    """One test's outcome, as the user sees it."""

    name: str
    level: int
    verdict: Verdict
    message: str = ""
    cpu_ms: float = 0.0
    cpu_limit_ms: int = 0
    wall_ms: float = 0.0
    memory_kb: int = 0
    visible: bool = False
    test: dict[str, Any] | None = None  # the test itself, for visible tests only
    output: str = ""
    steps: list[dict[str, Any]] | None = None  # operation streams: the failing sequence
    expected: str | None = None  # shown in open mode and for visible tests only
    actual: str | None = None
    # What else the checker knows that gives the expected value away (the size of an error):
    # open mode and visible tests add it to the message, other modes drop it.
    open_detail: str | None = None
    # The failing case's hint on how to fix it: open mode only (standard mode names the symptom).
    hint: str | None = None

    @property
    def passed(self) -> bool:
        return self.verdict is Verdict.AC

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["verdict"] = self.verdict.value
        d["status"] = "pass" if self.passed else ("error" if self.verdict in (Verdict.CE, Verdict.IE) else "fail")
        d["task_id"] = self.level
        d["output"] = self.output[:OUTPUT_CAP] or None
        return d


@dataclass
class LevelResult:
    level: int
    tests: list[TestResult] = field(default_factory=list)
    ran: bool = True

    @property
    def passed(self) -> bool:
        return self.ran and bool(self.tests) and all(t.passed for t in self.tests)

    @property
    def verdict(self) -> Verdict:
        for t in self.tests:
            if not t.passed:
                return t.verdict
        return Verdict.AC


@dataclass
class Report:
    """The whole judgement of one submission."""

    problem_id: str
    levels: list[LevelResult] = field(default_factory=list)
    message: str = ""
    sandbox: str = ""
    seed: int = 0
    score: int | None = None
    complexity: dict[str, Any] | None = None
    phases: list[dict[str, Any]] | None = None  # codebases: visible, hidden, benchmark, explanation

    @property
    def tests(self) -> list[TestResult]:
        return [t for lv in self.levels for t in lv.tests]

    @property
    def verdict(self) -> Verdict:
        for t in self.tests:
            if not t.passed:
                return t.verdict
        return Verdict.AC if self.tests else Verdict.IE

    @property
    def accepted(self) -> bool:
        return self.verdict is Verdict.AC

    @property
    def highest_level_passed(self) -> int:
        best = 0
        for lv in sorted(self.levels, key=lambda x: x.level):
            if not lv.passed:
                break
            best = lv.level
        return best

    def to_json(self) -> dict[str, Any]:
        v = self.verdict
        status = "pass" if v is Verdict.AC else ("error" if v in (Verdict.CE, Verdict.IE) else "fail")
        return {
            "version": 3,
            "problem_id": self.problem_id,
            "status": status,
            "verdict": v.value,
            "message": self.message or None,
            "highest_level_passed": self.highest_level_passed,
            "score": self.score,
            "sandbox": self.sandbox,
            "seed": self.seed,
            "levels": [
                {"task_id": lv.level, "verdict": lv.verdict.value if lv.ran else None, "passed": lv.passed, "ran": lv.ran,
                 "tests": len(lv.tests), "failed": sum(not t.passed for t in lv.tests)}
                for lv in self.levels
            ],
            "tests": [t.to_json() for t in self.tests],
            "complexity": self.complexity,
            **({"phases": self.phases} if self.phases is not None else {}),
        }
