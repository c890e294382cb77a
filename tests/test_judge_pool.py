"""The warm pool over time: slots replaced, runtimes switched, nothing piles up."""

from __future__ import annotations

import os
import time
from pathlib import Path

from rounds.judge.pool import SlotPool


def zombie_children() -> list[int]:
    me = os.getpid()
    out = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            fields = Path(f"/proc/{name}/stat").read_bytes().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if fields[0] == b"Z" and int(fields[1]) == me:
            out.append(int(name))
    return out


def test_switching_runtimes_leaves_no_zombies():
    """A one-slot pool that swaps a numpy slot for a torch slot and back, as a server does when
    users judge both kinds, reaps every sandbox it ends."""
    pool = SlotPool(mode="bwrap", size=1)
    try:
        for _ in range(2):
            for runtime in ("numpy", "torch"):
                pool.release(pool.acquire(runtime), True)
        deadline = time.monotonic() + 6
        while zombie_children() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert zombie_children() == []
    finally:
        pool.close()


def test_a_test_process_that_cannot_set_itself_up_is_the_judges_fault(monkeypatch):
    """When the slot itself is broken (here: its open-files limit is below what a test process
    asks for), the verdict is IE, never the user's RE, and the slot is replaced."""
    import resource

    from rounds.content.package import load_problem
    from rounds.domain.verdict import Verdict
    from rounds.judge import sandbox
    from rounds.judge.engine import Judge

    real = sandbox.process_preexec

    def crippled(cgroup):
        inner = real(cgroup)

        def run() -> None:
            resource.setrlimit(resource.RLIMIT_NOFILE, (40, 40))
            inner()

        return run

    monkeypatch.setattr(sandbox, "process_preexec", crippled)
    problem = load_problem(Path(__file__).parent / "judge_cases" / "_bank" / "algo" / "double")
    pool = SlotPool(mode="process", size=1)
    try:
        report = Judge(pool).judge(problem, problem.reference_source)
        failing = [t for t in report.tests if not t.passed]
        assert report.verdict is Verdict.IE, [t.message for t in failing]
        assert "could not prepare" in failing[0].message
    finally:
        pool.close()
