"""The golden suite: hostile and broken submissions, each with the verdicts it must get.

Every case lives in tests/judge_cases/<name>/ as solution.py plus expected.toml
(`verdicts`; optionally `message`, a substring of the first failing test's
message; `problem`, a fixture problem other than algo/double; `max_seconds`, the
wall time within which it must be rejected). All cases are judged on ONE warm
pool of one slot; after each case an honest solution on the same pool must be
AC, the host must be untouched, and every harness process must keep its limits,
priority, CPU set, scheduling class and OOM score.
"""

from __future__ import annotations

import ctypes
import os
import platform
import resource
import time
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


FOREIGN: set[int] = set()  # harnesses of other tests' pools, alive before this module's pool


@pytest.fixture(scope="module")
def judge():
    FOREIGN.update(harness_processes())
    pool = SlotPool(mode="bwrap", size=1, secrets=[str(BANK)])
    yield Judge(pool)
    pool.close()


IOPRIO_GET = {"x86_64": 252, "aarch64": 31}.get(platform.machine())
RLIMITS = [getattr(resource, n) for n in sorted(dir(resource)) if n.startswith("RLIMIT_")]


def process_state(pid: int) -> tuple:
    """What no test may change about a harness process."""
    ioprio = ctypes.CDLL(None, use_errno=True).syscall(IOPRIO_GET, 1, pid) if IOPRIO_GET else 0
    return (
        tuple(resource.prlimit(pid, r) for r in RLIMITS),
        os.getpriority(os.PRIO_PROCESS, pid),
        sorted(os.sched_getaffinity(pid)),
        os.sched_getscheduler(pid),
        ioprio,
        Path(f"/proc/{pid}/oom_score_adj").read_text().strip(),
    )


@pytest.fixture(scope="module")
def harness_baseline(judge, problem):
    assert judge.judge(problem, problem.reference_source).verdict is Verdict.AC
    pids = harness_processes()
    assert pids, "no harness process found"
    return process_state(pids[0])


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
    """Warm harness processes started by this test process (others may be judging on this
    machine); not the test processes they fork."""
    found = {}
    for pid in descendants(os.getpid()):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            ppid = int(Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if cmd and b"bwrap" not in cmd[0] and any(c.endswith(b"harness.py") for c in cmd):
            found[pid] = ppid
    return [pid for pid, ppid in found.items() if ppid not in found and pid not in FOREIGN]


def test_golden_suite_is_large_enough():
    assert len(NAMES) >= 30


@pytest.mark.parametrize("name", NAMES)
def test_hostile_submission(name, judge, problem, harness_baseline):
    spec = tomllib.loads((CASES / name / "expected.toml").read_text())
    source = (CASES / name / "solution.py").read_text()
    if "pad_mb" in spec:
        source = "# padding\n" * (spec["pad_mb"] * (1 << 20) // 10) + source
    if "problem" in spec:
        problem = load_problem(BANK / spec["problem"])
    started = time.monotonic()
    report = judge.judge(problem, source, seed=0, fail_fast=spec.get("fail_fast", True))
    took = time.monotonic() - started
    allowed = {Verdict(v) for v in spec["verdicts"]}
    failing = [t for t in report.tests if not t.passed]
    detail = failing[0].message if failing else ""
    assert report.verdict in allowed, f"{name}: got {report.verdict} ({detail})"
    if "message" in spec:
        assert spec["message"] in detail, f"{name}: message was {detail!r}"
    if report.verdict is not Verdict.AC:
        assert detail, f"{name}: a rejection must say why"
    if "max_seconds" in spec:
        assert took < spec["max_seconds"], f"{name}: took {took:.1f} s to judge"
    # The host is untouched ...
    assert not Path("/usr/rounds-escape-marker").exists()
    # ... no process the submission started outlives it ...
    assert len(harness_processes()) <= judge.pool.keep
    # ... every harness keeps its limits, priority, CPU set, scheduling and OOM score ...
    for pid in harness_processes():
        assert process_state(pid) == harness_baseline, f"{name}: harness {pid} was changed"
    # ... and the next honest submission on the same pool is judged correctly.
    honest = judge.judge(problem, problem.reference_source, seed=1)
    assert honest.verdict is Verdict.AC, [t.message for t in honest.tests]


LEAVE_BEHIND = """
import os
def solve(x):
    with open("/tmp/secret-of-the-last-user", "w") as f:
        f.write("answers")
    with open("/dev/shm/ballast", "wb") as f:
        try:
            for _ in range(80):
                f.write(b"x" * (1 << 20))
        except OSError:
            pass
    return 2 * x
"""

LOOK_FOR_IT = """
import os
def solve(x):
    left = os.listdir("/tmp") + os.listdir("/dev/shm")
    return -1 if left else 2 * x
"""


def test_nothing_survives_from_one_submission_to_the_next(judge, problem):
    """Files in /tmp and /dev/shm are wiped between submissions on the same slot."""
    assert judge.judge(problem, LEAVE_BEHIND).verdict is Verdict.AC
    after = judge.judge(problem, LOOK_FOR_IT)
    assert after.verdict is Verdict.AC, [t.message for t in after.tests]


def test_memory_probe_is_measured_from_outside(judge):
    """The reference of the memory fixture passes its probe; the whole-array version does not."""
    p = load_problem(BANK / "ml" / "small-peak")
    assert judge.judge(p, p.reference_source).verdict is Verdict.AC
    mutant = (BANK / "ml" / "small-peak" / "mutants" / "whole_array.py").read_text()
    report = judge.judge(p, mutant)
    assert report.verdict is Verdict.WA
    assert "peak memory" in [t for t in report.tests if not t.passed][0].message


def test_hidden_material_is_not_in_the_sandbox(judge, problem):
    """The bank folder is hidden even when it sits inside a bound interpreter prefix."""
    source = (
        "import os\n"
        f"def solve(x):\n    return 2 * x if os.path.exists({str(BANK)!r}) and os.listdir({str(BANK)!r}) else -1\n"
    )
    assert judge.judge(problem, source).verdict is Verdict.WA
