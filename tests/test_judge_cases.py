"""The golden suite: hostile and broken submissions, each with the verdicts it must get.

Every case lives in tests/judge_cases/<name>/ as solution.py plus expected.toml
(`verdicts`, optionally `message`, a substring of the first failing test's
message). After each case an honest solution must still be judged correctly,
and the host must be untouched.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from rounds.content.package import load_problem
from rounds.domain.verdict import Verdict
from rounds.judge.engine import Judge
from rounds.judge.pool import SlotPool

CASES = Path(__file__).parent / "judge_cases"
BANK = CASES / "_bank"
NAMES = sorted(p.name for p in CASES.iterdir() if (p / "expected.toml").exists())


@pytest.fixture(scope="module")
def problem():
    return load_problem(BANK / "algo" / "double")


@pytest.fixture(scope="module")
def judge():
    pool = SlotPool(mode="bwrap", size=2, secrets=[str(BANK)])
    yield Judge(pool)
    pool.close()


def descendants(root: int) -> list[int]:
    parent = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                stat = Path(f"/proc/{name}/stat").read_bytes()
            except OSError:
                continue
            parent[int(name)] = int(stat.rsplit(b")", 1)[1].split()[1])
    out = []
    for pid in parent:
        p = parent.get(pid)
        for _ in range(64):
            if p is None or p == 0:
                break
            if p == root:
                out.append(pid)
                break
            p = parent.get(p)
    return out


def harness_processes() -> list[int]:
    """Harness processes started by this test process (others may be judging on this machine)."""
    out = []
    for pid in descendants(os.getpid()):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if cmd and b"bwrap" not in cmd[0] and any(c.endswith(b"harness.py") for c in cmd):
            out.append(pid)
    return out


def test_golden_suite_is_large_enough():
    assert len(NAMES) >= 30


@pytest.mark.parametrize("name", NAMES)
def test_hostile_submission(name, judge, problem):
    spec = tomllib.loads((CASES / name / "expected.toml").read_text())
    source = (CASES / name / "solution.py").read_text()
    if "pad_mb" in spec:
        source = "# padding\n" * (spec["pad_mb"] * (1 << 20) // 10) + source
    report = judge.judge(problem, source, seed=0, fail_fast=True)
    allowed = {Verdict(v) for v in spec["verdicts"]}
    failing = [t for t in report.tests if not t.passed]
    detail = failing[0].message if failing else ""
    assert report.verdict in allowed, f"{name}: got {report.verdict} ({detail})"
    if "message" in spec:
        assert spec["message"] in detail, f"{name}: message was {detail!r}"
    if report.verdict is not Verdict.AC:
        assert detail, f"{name}: a rejection must say why"
    # The host is untouched ...
    assert not Path("/usr/rounds-escape-marker").exists()
    # ... no process the submission started outlives it ...
    assert len(harness_processes()) <= judge.pool.size
    # ... and the next honest submission is judged correctly.
    honest = judge.judge(problem, problem.reference_source, seed=1)
    assert honest.verdict is Verdict.AC, [t.message for t in honest.tests]


def test_hidden_material_is_not_in_the_sandbox(judge, problem):
    """The bank folder is hidden even when it sits inside a bound interpreter prefix."""
    source = (
        "import os\n"
        f"def solve(x):\n    return 2 * x if os.path.exists({str(BANK)!r}) and os.listdir({str(BANK)!r}) else -1\n"
    )
    assert judge.judge(problem, source).verdict is Verdict.WA
