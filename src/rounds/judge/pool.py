"""Warm slots: long-lived sandboxed harnesses, one per core, reused across submissions."""

from __future__ import annotations

import contextlib
import ctypes
import itertools
import os
import select
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rounds.judge import sandbox, wire

_ids = itertools.count(1)
PR_SET_CHILD_SUBREAPER = 36
STARTUP_TIMEOUT_S = 120.0
PROTOCOL_LIMIT = 8 << 20
SPARE_SLOTS = 2  # warm slots kept beyond the judging ones, for the other runtimes in use
FRESH_INPUT_BYTES = 256 << 10  # inputs this large run in a fresh test process (decoding is not charged)


class SlotDied(Exception):
    """The harness went away (killed by the user's code, or crashed)."""


class SlotHung(Exception):
    """The harness did not answer within its deadline."""


class SlotLostBehind(SlotDied):
    """The harness was lost on an earlier test while this one waited behind it (sent ahead): the
    test never ran, and runs again on another slot."""


@dataclass
class RunLimits:
    cpu_ms: int
    wall_ms: int
    memory_kb: int
    output_bytes: int
    result_bytes: int
    file_bytes: int = 16 << 20

    def to_json(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass
class RawRun:
    """What came back from one test in the sandbox, before any verdict."""

    reason: str
    cpu_ms: float
    wall_ms: float
    memory_kb: int
    stdout: str
    stdout_bytes: int
    exit_code: int | None
    frame: bytes
    oom: bool = False
    detail: str = ""
    probe_peak_kb: int | None = None


def become_subreaper() -> None:
    """Orphaned helpers of bwrap become our children, so we can reap them."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    except Exception:
        pass


def reap_orphans(keep: set[int]) -> int:
    """Reap zombie children that no Popen owns: sandbox init processes (bubblewrap's pid 1 of a
    slot's pid namespace) re-parented to us when their slot's bwrap ended. They are told apart by
    their namespaced pid (NSpid lists two pids), so no subprocess of anyone else is ever reaped.
    Returns how many were reaped."""
    me = os.getpid()
    reaped = 0
    for name in os.listdir("/proc"):
        if not name.isdigit() or int(name) in keep:
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
            if fields[0] != b"Z" or int(fields[1]) != me:
                continue
            with open(f"/proc/{name}/status", "rb") as f:
                nspid = next((line.split()[1:] for line in f if line.startswith(b"NSpid:")), [])
        except (OSError, IndexError, ValueError):
            continue
        if len(nspid) >= 2:
            with contextlib.suppress(ChildProcessError, OSError):
                os.waitpid(int(name), os.WNOHANG)
                reaped += 1
    return reaped


REAP_EVERY_S = 2.0
# Slots start on this one long-lived thread (see Slot.start).
_STARTER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rounds-slot-start")


def _starter_thread() -> threading.Thread | None:
    return next((t for t in threading.enumerate() if t.name.startswith("rounds-slot-start")), None)


class Slot:
    """One warm harness in its sandbox."""

    def __init__(self, runtime: str, mode: str, harness: Path, secrets: list[str],
                 tmp_bytes: int = 64 << 20) -> None:
        self.runtime = runtime
        self.mode = mode
        self.harness = harness
        self.secrets = secrets
        self.tmp_bytes = tmp_bytes
        self.name = f"slot-{os.getpid()}-{next(_ids)}"
        self.cgroup = sandbox.make_cgroup(self.name)
        self.proc: subprocess.Popen[bytes] | None = None
        self.base_rss_kb = 0
        self.loaded: str | None = None
        self.uses = 0
        self.oom_seen = -1  # the cgroup's OOM-kill count after the last test
        self.stderr_tail = b""
        # Tests may be sent ahead (the next one while the last one's result is graded): requests are
        # numbered as they are written and their answers read in the same order.
        self._wlock = threading.Lock()
        self._turn = threading.Condition()
        self._sent = 0
        self._served = 0
        self._broken = False

    # -- lifecycle
    def start(self) -> None:
        """Start the harness, from a thread that lives as long as this process: the sandbox dies
        with the thread that started it (bubblewrap's --die-with-parent), and a test thread that
        starts a replacement slot ends with its level."""
        if threading.current_thread() is _starter_thread():
            self._start()
        else:
            _STARTER.submit(self._start).result()

    def _start(self) -> None:
        env = sandbox.sandbox_env()
        fds: tuple[int, ...] = ()
        if self.mode == "bwrap":
            sfd = sandbox.make_seccomp_fd()
            fds = (sfd,)
            argv = sandbox.bwrap_argv(self.harness, self.runtime, tmp_bytes=self.tmp_bytes,
                                      seccomp_fd=sfd, secrets=self.secrets)
            cg = self.cgroup
            preexec = (lambda: cg.attach_self()) if cg is not None else None
        else:
            import sys

            argv = [sys.executable, "-I", str(self.harness / "harness.py"), self.runtime]
            preexec = sandbox.process_preexec(self.cgroup)
        if self.cgroup is not None:
            self.cgroup.set_pids(128)
            self.cgroup.set_memory(4 << 30)
        try:
            self.proc = subprocess.Popen(
                argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                env=env, pass_fds=fds, bufsize=0, preexec_fn=preexec, start_new_session=self.mode == "bwrap",
                cwd="/tmp" if self.mode == "process" else None,
            )
        finally:
            for fd in fds:
                os.close(fd)
        assert self.proc.stderr is not None
        os.set_blocking(self.proc.stderr.fileno(), False)
        msg, _ = self._read(STARTUP_TIMEOUT_S)
        if msg.get("op") != "ready":
            raise SlotDied(f"harness did not start: {msg}")
        self.base_rss_kb = int(msg.get("rss_kb", 0))

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def close(self) -> None:
        p = self.proc
        self.proc = None
        if p is not None:
            with contextlib.suppress(OSError):
                os.killpg(p.pid, signal.SIGKILL)  # the slot leads its own process group
            with contextlib.suppress(OSError):
                p.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                p.wait(timeout=5)
            for s in (p.stdin, p.stdout, p.stderr):
                if s is not None:
                    with contextlib.suppress(OSError):
                        s.close()
        if self.cgroup is not None:
            self.cgroup.remove()
            self.cgroup = None

    # -- protocol
    def _fail(self) -> None:
        """The harness is lost: tests sent behind the current one will never be answered."""
        with self._turn:
            self._broken = True
            self._turn.notify_all()

    def _drain_stderr(self) -> None:
        if self.proc is None or self.proc.stderr is None:
            return
        with contextlib.suppress(OSError, TypeError):
            data = self.proc.stderr.read(1 << 16)
            if data:
                self.stderr_tail = (self.stderr_tail + data)[-4096:]

    def _send(self, msg: dict[str, Any], blobs: list[bytes] | None = None) -> None:
        self._write(wire.pack(msg, blobs))

    def _write(self, frame: bytes) -> None:
        assert self.proc is not None and self.proc.stdin is not None
        try:
            view = memoryview(frame)
            while view:
                n = self.proc.stdin.write(view)
                view = view[n or 0 :]
        except (BrokenPipeError, OSError, ValueError) as exc:
            raise SlotDied(f"harness is gone ({exc})") from None

    def _read(self, timeout_s: float, limit: int = PROTOCOL_LIMIT) -> tuple[dict[str, Any], list[bytes]]:
        assert self.proc is not None and self.proc.stdout is not None
        out = self.proc.stdout
        deadline = time.monotonic() + timeout_s
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                self._drain_stderr()
                raise SlotHung(f"harness gave no answer in {timeout_s:.0f} s")
            r, _, _ = select.select([out], [], [], min(left, 1.0))
            self._drain_stderr()
            if r:
                break
        try:
            return wire.read_frame(out, limit + 1024)  # type: ignore[arg-type]
        except (EOFError, wire.WireError, OSError) as exc:
            self._drain_stderr()
            raise SlotDied(f"harness is gone ({exc}); stderr: {self.stderr_tail[-500:].decode(errors='replace')}") from None

    def load(self, source: str, banned: list[str]) -> None:
        """Start a submission: the harness ends the last one's test process and wipes its /tmp
        and /dev/shm, so nothing one submission left is there for the next."""
        self._send({"op": "load", "source": source, "banned": banned})
        msg, _ = self._read(30)
        if msg.get("op") != "loaded":
            raise SlotDied(f"unexpected answer to load: {msg}")
        self.loaded = f"{hash(source)}:{','.join(banned)}"

    def end(self) -> None:
        """The submission is over: the harness ends its test process and wipes /tmp and /dev/shm
        while the host goes on (no answer is awaited)."""
        if self.alive():
            with contextlib.suppress(SlotDied):
                self._send({"op": "end"})

    def run(self, task: dict[str, Any], blobs: list[bytes], limits: RunLimits, *, fresh: bool = False,
            meanwhile: Callable[[], None] | None = None, if_ok: bool = False,
            on_sent: Callable[[], None] | None = None) -> RawRun:
        """Run one task; raises SlotDied/SlotHung when the harness is lost.

        Tests of one submission run one after another in the same test process; ``fresh`` asks
        for a new one (a new level, a test that needs isolation). Large inputs always get a fresh
        process, whose CPU count starts after its inputs are decoded.

        Another thread may send the next test before this one's answer is read (``on_sent`` tells
        it when this request is written): the harness runs them in the order sent, and each
        thread reads its own answer in turn. ``if_ok``: skip this test if the one before it failed
        in the harness (a judge that stops at the first failure sends tests ahead this way). A test
        waiting behind one that kills the harness raises SlotLostBehind: it never ran."""
        # The task travels as a frame of its own, which the harness forwards to the test process
        # without reading it; the header says what the harness needs to know.
        lim = limits.to_json()
        task_frame = wire.pack({"task": task, "limits": lim}, blobs)
        probe = bool(task.get("probes"))
        isolate = fresh or probe or task.get("kind") == "unittest" or len(task_frame) > FRESH_INPUT_BYTES
        header: dict[str, Any] = {"op": "run", "limits": lim, "fresh": isolate, "probe": probe}
        if if_ok:
            header["if_ok"] = True
        if task.get("runner") == "pytest":  # the harness imports pytest once, before it forks for it
            header["pytest"] = True
        with self._wlock:
            if self._broken:
                raise SlotLostBehind("the harness was lost on an earlier test")
            seq = self._sent
            self._sent += 1
            if self.cgroup is not None:
                if self.oom_seen < 0:
                    self.oom_seen = self.cgroup.oom_kills()
                self.cgroup.set_memory((self.base_rss_kb + limits.memory_kb) * 1024 + (96 << 20))
            self.uses += 1
            try:
                self._write(wire.pack(header) + task_frame)
            except SlotDied as exc:
                self._fail()
                if self._served < seq:  # an earlier test is still out: it is the one that killed it
                    raise SlotLostBehind(str(exc)) from None
                raise
        if on_sent is not None:
            on_sent()
        # While the sandbox runs the test, the host does its own part (the reference's answer).
        failed: BaseException | None = None
        if meanwhile is not None:
            try:
                meanwhile()
            except BaseException as exc:  # noqa: BLE001 - re-raised once the result is read
                failed = exc
        with self._turn:
            while self._served != seq and not self._broken:
                self._turn.wait()
            if self._served != seq:
                raise SlotLostBehind("the harness was lost on an earlier test")
        # The harness enforces the wall limit itself; this deadline catches a harness that hangs.
        # The harness caps the result itself; the reply adds its stdout excerpt and a header.
        try:
            msg, frames = self._read(limits.wall_ms / 1000 + 6, limit=limits.result_bytes + PROTOCOL_LIMIT)
            if msg.get("op") != "result":
                raise SlotDied(f"unexpected answer: {msg.get('op')}")
        except (SlotDied, SlotHung):
            self._fail()
            raise
        with self._turn:
            self._served += 1
            self._turn.notify_all()
        if failed is not None:
            raise failed
        oom = False
        troubled = not frames or not frames[0] or msg.get("reason") or msg.get("exit_code") is not None
        if self.cgroup is not None and troubled:
            # An out-of-memory kill leaves its mark on the run (no result, or a dead process): the
            # counter is read then, against its value at the last read.
            kills = self.cgroup.oom_kills()
            oom, self.oom_seen = kills > self.oom_seen, kills
        return RawRun(
            reason=str(msg.get("reason", "")),
            cpu_ms=float(msg.get("cpu_ms", 0)),
            wall_ms=float(msg.get("wall_ms", 0)),
            memory_kb=int(msg.get("memory_kb", 0)),
            stdout=str(msg.get("stdout", "")),
            stdout_bytes=int(msg.get("stdout_bytes", 0)),
            exit_code=msg.get("exit_code"),
            frame=frames[0] if frames else b"",
            oom=oom,
            detail=str(msg.get("detail", "")),
            probe_peak_kb=msg.get("probe_peak_kb"),
        )


class SlotPool:
    """Warm slots shared by everyone judging in this process: at most ``size`` judge at once, and
    up to ``keep`` are kept warm, so a mix of runtimes (plain Python, NumPy, PyTorch...) does not
    start a new slot every time the next submission's runtime differs from the last one's."""

    def __init__(self, *, mode: str, size: int | None = None, secrets: list[str] | None = None,
                 tmp_bytes: int = 64 << 20, keep: int | None = None) -> None:
        self.mode = mode
        self.size = size or max(1, os.cpu_count() or 1)
        self.keep = max(self.size, keep if keep is not None else self.size + SPARE_SLOTS)
        self.secrets = secrets or []
        self.tmp_bytes = tmp_bytes
        self.harness = sandbox.harness_dir()
        self._idle: list[Slot] = []
        self._busy = 0
        self._cond = threading.Condition()
        self._closed = False
        become_subreaper()
        # Sandboxes that end asynchronously leave their init behind as our zombie child: reap them
        # now and then, so a long-running server never piles them up.
        self._reaper = threading.Thread(target=self._reap_loop, name="rounds-reaper", daemon=True)
        self._reaper.start()

    def _reap_loop(self) -> None:
        while True:
            with self._cond:
                if self._closed:
                    return
            self._reap()
            time.sleep(REAP_EVERY_S)

    @contextlib.contextmanager
    def slot(self, runtime: str) -> Iterator[Slot]:
        s = self.acquire(runtime)
        ok = False
        try:
            yield s
            ok = True
        finally:
            self.release(s, ok)

    def acquire(self, runtime: str) -> Slot:
        """Take a warm slot for ``runtime`` (starting one if needed); give it back with release()."""
        with self._cond:
            while True:
                if self._closed:
                    raise RuntimeError("the judge pool is closed")
                for i, s in enumerate(self._idle):
                    if s.runtime == runtime and s.alive():
                        self._busy += 1
                        return self._idle.pop(i)
                if self._busy < self.size:  # start one, closing the idle slot used least lately if full
                    if self._busy + len(self._idle) >= self.keep:
                        victim = self._idle.pop(0)
                        victim.close()
                        self._reap()
                    self._busy += 1
                    break
                self._cond.wait()
        s = Slot(runtime, self.mode, self.harness, self.secrets, self.tmp_bytes)
        try:
            s.start()
        except BaseException:
            s.close()
            with self._cond:
                self._busy -= 1
                self._cond.notify()
            raise
        return s

    def try_acquire(self, runtime: str) -> Slot | None:
        """An idle warm slot for ``runtime``, or None at once (never starts one, never waits)."""
        with self._cond:
            for i, s in enumerate(self._idle):
                if s.runtime == runtime and s.alive():
                    self._busy += 1
                    return self._idle.pop(i)
        return None

    def release(self, s: Slot, ok: bool) -> None:
        """Return a slot; a slot that failed or died is closed and its processes reaped."""
        keep = ok and s.alive() and not self._closed
        if not keep:
            s.close()
            self._reap()
        with self._cond:
            self._busy -= 1
            if keep:
                self._idle.append(s)
            self._cond.notify()

    def warm(self, runtime: str, n: int = 1) -> None:
        """Start ``n`` slots ahead of time."""
        slots = [self.acquire(runtime) for _ in range(min(n, self.size))]
        for s in slots:
            self.release(s, True)

    def _reap(self) -> None:
        keep = set()
        for s in list(self._idle):
            if s.proc is not None:
                keep.add(s.proc.pid)
        reap_orphans(keep)

    def close(self) -> None:
        with self._cond:
            self._closed = True
            idle, self._idle = self._idle, []
        for s in idle:
            s.close()
        shutil.rmtree(self.harness, ignore_errors=True)
