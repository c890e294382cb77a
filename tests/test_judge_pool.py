"""The warm pool over time: slots replaced, runtimes switched, nothing piles up."""

from __future__ import annotations

import os
import time
from pathlib import Path

from rounds.judge.pool import SlotPool


def zombie_children(*, sandboxes_only: bool = False) -> list[int]:
    """This process's dead, unreaped children; with ``sandboxes_only``, those that ran in a pid
    namespace (a sandbox's init), which is what a pool must reap. (This test process is a subreaper:
    an orphan of any earlier test can also end up here as its zombie.)"""
    me = os.getpid()
    out = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            fields = Path(f"/proc/{name}/stat").read_bytes().rsplit(b")", 1)[1].split()
            status = Path(f"/proc/{name}/status").read_bytes()
        except OSError:
            continue
        nspid = next((line.split()[1:] for line in status.splitlines() if line.startswith(b"NSpid:")), [])
        if fields[0] == b"Z" and int(fields[1]) == me and (len(nspid) >= 2 or not sandboxes_only):
            out.append(int(name))
    return out


def test_switching_runtimes_leaves_no_zombies():
    """A one-slot pool that swaps a numpy slot for a torch slot and back, as a server does when
    users judge both kinds, reaps every sandbox it ends. (keep=1: no spare slot, so every switch
    ends the other runtime's slot.) Zombies left by earlier tests in this process are not its own."""
    before = set(zombie_children(sandboxes_only=True))
    pool = SlotPool(mode="bwrap", size=1, keep=1)
    try:
        for _ in range(2):
            for runtime in ("numpy", "torch"):
                pool.release(pool.acquire(runtime), True)
        deadline = time.monotonic() + 6
        while set(zombie_children(sandboxes_only=True)) - before and time.monotonic() < deadline:
            time.sleep(0.2)
        assert sorted(set(zombie_children(sandboxes_only=True)) - before) == []
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


def test_a_harness_changed_from_outside_is_replaced():
    """If the harness's own state changes while a test runs (here the host renices it; no test
    can, the seccomp filter refuses), that test is IE, the slot is replaced, the next one is AC."""
    import threading

    from rounds.content.package import load_problem
    from rounds.domain.verdict import Verdict
    from rounds.judge.engine import Judge

    problem = load_problem(Path(__file__).parent / "judge_cases" / "_bank" / "algo" / "double")
    slow = "import time\ndef solve(x):\n    time.sleep(0.6)\n    return 2 * x\n"
    pool = SlotPool(mode="bwrap", size=1)
    judge = Judge(pool)
    try:
        assert judge.judge(problem, problem.reference_source).verdict is Verdict.AC
        slot = pool.try_acquire("numpy")
        assert slot is not None and slot.proc is not None
        pool.release(slot, True)
        harness = [pid for pid in _below(slot.proc.pid) if _is_harness(pid) and not _is_harness(_ppid(pid))]
        assert len(harness) == 1
        renice = threading.Timer(0.3, os.setpriority, (os.PRIO_PROCESS, harness[0], 3))
        renice.start()
        report = judge.judge(problem, slow, level=1)
        renice.join()
        failing = [t for t in report.tests if not t.passed]
        assert report.verdict is Verdict.IE, [t.message for t in failing]
        assert "nice value" in failing[0].message
        assert judge.judge(problem, problem.reference_source).verdict is Verdict.AC
    finally:
        pool.close()


def _ppid(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return 0


def _is_harness(pid: int) -> bool:
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return bool(cmd) and b"bwrap" not in cmd[0] and any(c.endswith(b"harness.py") for c in cmd)


def _below(root: int) -> list[int]:
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        for task in Path(f"/proc/{pid}/task").glob("*"):
            try:
                kids = [int(x) for x in (task / "children").read_text().split()]
            except OSError:
                continue
            out += kids
            todo += kids
    return out
