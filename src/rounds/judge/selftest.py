"""The sandbox self-test: probes that prove the isolation holds on this machine.

`rounds doctor` prints it; `rounds serve` runs it at start and refuses to
serve others when a probe fails.
"""

from __future__ import annotations

from typing import Any

from rounds.config import Settings
from rounds.content.catalog import bank_roots
from rounds.judge import wire
from rounds.judge.classify import classify
from rounds.judge.factory import choose_mode
from rounds.judge.pool import RunLimits, SlotPool
from rounds.judge.sandbox import cgroup_flavour

PROBES = r'''
import ctypes, os, socket


def probe(kind, arg):
    if kind == "network":
        try:
            socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            return "opened an internet socket"
        except OSError:
            return None
    if kind == "write":
        try:
            open(arg, "w").write("x")
            return f"wrote {arg}"
        except OSError:
            return None
    if kind == "hidden":
        return f"{arg} is visible" if os.path.exists(arg) and os.listdir(arg) else None
    if kind == "processes":
        n = len([p for p in os.listdir("/proc") if p.isdigit()])
        return f"sees {n} processes: not in its own pid namespace" if n > 10 else None
    if kind == "unshare":
        libc = ctypes.CDLL(None, use_errno=True)
        return "unshare() succeeded: the seccomp filter is missing" if libc.unshare(0x10000000) == 0 else None
    if kind == "forks":
        pids = []
        try:
            for _ in range(arg):
                pid = os.fork()
                if pid == 0:
                    import time
                    time.sleep(30)
                    os._exit(0)
                pids.append(pid)
        except OSError:
            return None
        return f"started {len(pids)} processes without hitting a limit"
    if kind == "memory":
        block = bytearray(arg << 20)
        block[::4096] = b"x" * len(block[::4096])
        return "allocated past the memory limit"
    if kind == "cpu":
        while True:
            pass
    if kind == "harness":  # the judge's own process is out of reach
        import resource
        parent = os.getppid()
        tries = {
            "prlimit": lambda: resource.prlimit(parent, resource.RLIMIT_NOFILE, (8, 8)),
            "setpriority": lambda: os.setpriority(os.PRIO_PROCESS, parent, 19),
            "sched_setaffinity": lambda: os.sched_setaffinity(parent, {0}),
            "sched_setscheduler": lambda: os.sched_setscheduler(parent, os.SCHED_IDLE, os.sched_param(0)),
            "oom_score_adj": lambda: open(f"/proc/{parent}/oom_score_adj", "w").write("1000"),
        }
        done = []
        for name, attempt in tries.items():
            try:
                attempt()
                done.append(name)
            except (OSError, ValueError):
                pass
        return f"a test changed the harness through {', '.join(done)}" if done else None
    if kind == "leave":  # what a submission leaves in /tmp and /dev/shm
        open("/tmp/selftest-left", "w").write("x")
        open("/dev/shm/selftest-left", "w").write("x")
        return None
    if kind == "leftovers":
        found = [p for p in ("/tmp/selftest-left", "/dev/shm/selftest-left") if os.path.exists(p)]
        try:
            open("/dev/selftest", "w").write("x")
            found.append("/dev is writable")
        except OSError:
            pass
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.shmget(0, 1 << 20, 0o1000 | 0o600) >= 0:
            found.append("System V shared memory can be created")
        try:
            with open("/dev/shm/selftest-big", "wb") as f:
                for _ in range(arg + 1):
                    f.write(b"x" * (1 << 20))
            found.append(f"/dev/shm took more than {arg} MB")
        except OSError:
            pass
        return "; ".join(found) or None
    if kind == "namespaces":
        import signal
        libc = ctypes.CDLL(None, use_errno=True)
        made = []
        for name, call in (("clone", lambda: libc.syscall(56, 0x10000000 | signal.SIGCHLD, 0, 0, 0, 0)),
                           ("clone3", lambda: libc.syscall(435, (ctypes.c_uint64 * 11)(0x10000000, 0, 0, 0, 17), 88))):
            pid = call()
            if pid == 0:
                os._exit(0)
            if pid > 0:
                os.waitpid(pid, 0)
                made.append(name)
        return f"{' and '.join(made)} created a user namespace" if made else None
    return f"unknown probe {kind}"
'''


def _run(pool: SlotPool, kind: str, arg: Any, cpu_ms: int = 2000, memory_mb: int = 64) -> tuple[str | None, str]:
    """One probe as one submission of its own (so what one leaves behind is wiped for the next)."""
    limits = RunLimits(cpu_ms=cpu_ms, wall_ms=cpu_ms * 10, memory_kb=memory_mb * 1024,
                       output_bytes=1 << 16, result_bytes=1 << 20)
    body, blobs = wire.encode([kind, arg])
    with pool.slot("numpy") as slot:
        slot.load(PROBES, [])
        raw = slot.run({"kind": "call", "entry": "probe", "args": body}, blobs, limits)
        slot.end()
    cl = classify(raw, limits)
    if cl.verdict is not None:
        return None, f"{cl.verdict.value}: {cl.message}"
    value = wire.decode(cl.header.get("value"), cl.blobs)
    return value, ""


def run(settings: Settings) -> list[tuple[str, bool, str]]:
    """(check, holds, detail) for every probe."""
    out: list[tuple[str, bool, str]] = []
    try:
        mode = choose_mode(settings)
    except Exception as exc:
        return [("sandbox available", False, str(exc))]
    out.append(("isolation", mode == "bwrap",
                "bubblewrap namespaces" if mode == "bwrap" else "process mode: no namespaces (single local user only)"))
    out.append(("cgroup limits", True, f"{cgroup_flavour()} (rlimits and the wall-clock watchdog hold regardless)"))
    secrets = [str(p) for p in bank_roots()] + [str(settings.data_dir)]
    pool = SlotPool(mode=mode, size=1, secrets=secrets)
    try:
        checks: list[tuple[str, str, Any]] = [
            ("no network", "network", None),
            ("read-only system", "write", "/usr/rounds-selftest"),
            ("problem bank hidden", "hidden", str(bank_roots()[0])),
        ]
        checks.append(("harness out of reach", "harness", None))
        if mode == "bwrap":
            checks += [("own pid namespace", "processes", None), ("seccomp filter", "unshare", None),
                       ("no new namespaces", "namespaces", None)]
        for name, kind, arg in checks:
            value, err = _run(pool, kind, arg)
            out.append((name, value is None and not err, value or err or "holds"))
        if mode == "bwrap":
            _run(pool, "leave", None)
            value, err = _run(pool, "leftovers", pool.tmp_bytes >> 20)
            out.append(("nothing survives a submission", value is None and not err, value or err or "holds"))
        value, err = _run(pool, "forks", 400, memory_mb=2048)
        out.append(("process limit", value is None, value or err or "fork fails past the limit"))
        _, err = _run(pool, "memory", 512, memory_mb=64)
        out.append(("memory limit", err.startswith("MLE"), err or "allocated 512 MB under a 64 MB limit"))
        _, err = _run(pool, "cpu", None, cpu_ms=300)
        out.append(("CPU limit", err.startswith("TLE"), err or "an endless loop returned"))
    finally:
        pool.close()
    return out
