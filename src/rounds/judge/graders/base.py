"""What every grader shares: running a task in the slot, limits, and the reference on the host."""

from __future__ import annotations

import contextlib
import copy
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from rounds.content.package import Problem
from rounds.domain.verdict import TestResult, Verdict
from rounds.judge import wire
from rounds.judge.checkers import short
from rounds.judge.classify import Classified, classify
from rounds.judge.pool import RawRun, RunLimits, Slot, SlotDied, SlotHung, SlotLostBehind, SlotPool


@dataclass(frozen=True)
class Raises:
    """The reference raised: the contract says the user's code must raise the same type."""

    type_name: str

    def __repr__(self) -> str:
        return f"raises {self.type_name}"


class HarnessLost(Exception):
    """The slot died or hung mid-test; the engine replaces it."""

    def __init__(self, verdict: Verdict, message: str) -> None:
        super().__init__(message)
        self.verdict = verdict
        self.message = message


class Unreadable(HarnessLost):
    """The value a test sent back cannot be read: the solution's runtime error, never the judge's."""

    def __init__(self, exc: BaseException) -> None:
        super().__init__(Verdict.RE, f"the returned value could not be read: {str(exc)[:300] or type(exc).__name__}")


_PIPE = threading.local()


def _signal_sent() -> None:
    """This thread's test is written to the slot: the engine may send the next one behind it."""
    ev = getattr(_PIPE, "sent", None)
    if ev is not None:
        ev.set()


@contextlib.contextmanager
def sent_signal(ev: threading.Event) -> Iterator[None]:
    """Set ``ev`` when this thread's next run is written to its slot (or when the test ends
    without running anything)."""
    _PIPE.sent = ev
    try:
        yield
    finally:
        _PIPE.sent = None
        ev.set()


class _Once:
    """The host's work for a test, done once even when the test is sent again to a new slot."""

    def __init__(self, fn: Callable[[], None]) -> None:
        self.fn = fn
        self.done = False
        self.exc: BaseException | None = None

    def __call__(self) -> None:
        if not self.done:
            self.done = True
            try:
                self.fn()
            except BaseException as exc:  # noqa: BLE001 - raised again on every call
                self.exc = exc
        if self.exc is not None:
            raise self.exc


@dataclass
class Context:
    """One submission's judging: its problem, its source and the slot it currently holds."""

    problem: Problem
    source: str
    pool: SlotPool | None = None  # None: the reference only, no user code runs
    slot: Slot | None = None
    runs: int = 0
    extra: dict[str, Any] = field(default_factory=dict)
    fresh: bool = True  # the next test starts a new test process (a new level)
    loaded: Slot | None = None  # the slot this submission's source was loaded into
    loaded_source: str = ""  # and the source loaded (the complexity ladder switches sources)
    if_ok: bool = False  # tests are sent ahead and the judge stops at the first failure
    _lock: threading.RLock = field(default_factory=threading.RLock, repr=False)

    def new_level(self) -> None:
        """The next test begins a level: it runs in a fresh test process."""
        self.fresh = True

    def close(self) -> None:
        """End the submission in its slot and give the slot back to the pool, warm."""
        if self.slot is not None and self.pool is not None:
            slot, self.slot = self.slot, None
            if self.loaded is slot:
                slot.end()
            self.loaded = None
            self.pool.release(slot, slot.alive())

    def _lose(self, slot: Slot) -> None:
        self.slot = None
        self.loaded = None
        if self.pool is not None:
            self.pool.release(slot, False)

    def limits(self, cpu_ms: int | None = None) -> RunLimits:
        lim = self.problem.limits
        cpu = cpu_ms or lim.cpu_ms
        return RunLimits(
            cpu_ms=cpu,
            # Sleeping or blocked code is stopped by the idle rule in 1.5 s; the wall limit only
            # catches a test starved of CPU, so it is generous (a busy machine is not a TLE).
            wall_ms=max(5 * cpu, cpu + 3000),
            memory_kb=lim.memory_mb * 1024,
            output_bytes=lim.output_kb * 1024,
            result_bytes=lim.result_mb << 20,
        )

    def run(self, task: dict[str, Any], blobs: list[bytes], limits: RunLimits, *,
            meanwhile: Callable[[], None] | None = None) -> tuple[RawRun, Classified]:
        """Run one task in the slot; ``meanwhile`` (the host's own work for this test, such as the
        reference's answer) runs while the sandbox does.

        Two threads may share the context when the engine sends a test ahead (see
        ``Engine._pipelined``): each run is written in the order the engine starts them, and one
        that waited behind a test that lost the slot runs again on a new slot."""
        once = _Once(meanwhile) if meanwhile is not None else None
        while True:
            with self._lock:
                if self.slot is not None and not self.slot.alive():
                    self._lose(self.slot)
                if self.slot is None:
                    if self.pool is None:
                        raise RuntimeError("this context runs no user code")
                    self.slot = self.pool.acquire(self.problem.runtime)
                slot = self.slot
                fresh, self.fresh = self.fresh, False
            try:
                with self._lock:
                    if self.loaded is not slot or self.loaded_source != self.source:
                        slot.load(self.source, self.problem.banned)
                        self.loaded, self.loaded_source = slot, self.source
                raw = slot.run(task, blobs, limits, fresh=fresh, meanwhile=once, if_ok=self.if_ok,
                               on_sent=_signal_sent)
            except SlotLostBehind:
                with self._lock:
                    if self.slot is slot:
                        self._lose(slot)
                continue  # it never ran: run it on a new slot (where it starts a fresh process)
            except SlotHung as exc:
                with self._lock:
                    if self.slot is slot:
                        self._lose(slot)
                raise HarnessLost(Verdict.TLE, f"the sandbox stopped answering ({exc}); the program blocked the judge") from None
            except SlotDied:
                with self._lock:
                    if self.slot is slot:
                        self._lose(slot)
                raise HarnessLost(
                    Verdict.RE,
                    "the sandbox died while running this test: the program killed or crashed the judge's harness",
                ) from None
            break
        self.runs += 1
        if raw.reason in ("harness_tampered", "setup_failed"):
            # The slot is not trusted any more: a fresh one serves the next test.
            with self._lock:
                if self.slot is slot:
                    self._lose(slot)
        return raw, classify(raw, limits)

    def decode(self, body: Any, blobs: list[bytes]) -> Any:
        """The value a test returned; one that cannot be read raises :class:`Unreadable`."""
        return self.reader(blobs)(body)

    def reader(self, blobs: list[bytes]) -> Callable[[Any], Any]:
        """Reads several values out of one frame within one budget (the steps of a stream)."""
        dec = wire.Decoder(blobs, torch_ok=self.problem.runtime == "torch")

        def read(body: Any) -> Any:
            try:
                return dec(body)
            except (wire.WireError, ValueError, RecursionError, MemoryError) as exc:
                raise Unreadable(exc) from None

        return read


# References run one at a time in the host process: a level's tests are graded in several threads
# when idle slots help, and a reference that seeds a global generator (torch.manual_seed before a
# training run with dropout) would otherwise draw from another test's stream.
REFERENCE_LOCK = threading.RLock()


def call_reference(fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any],
                   *, private: bool = True) -> Any:
    """Run the trusted reference, on private copies of the inputs unless told they are throwaway."""
    a = copy.deepcopy(args) if private else args
    k = copy.deepcopy(kwargs) if private else kwargs
    try:
        with REFERENCE_LOCK:
            return fn(*a, **k), a
    except Exception as exc:
        return Raises(type(exc).__name__), a


def with_hint(r: TestResult, case: Any) -> TestResult:
    """Attach the case's hint to a failed test; feedback modes decide who sees it."""
    hint: str | None = getattr(case, "hint", None)
    if hint and not r.passed:
        r.hint = hint
    return r


def base_result(name: str, level: int, raw: RawRun | None, visible: bool) -> TestResult:
    r = TestResult(name=name, level=level, verdict=Verdict.AC, visible=visible)
    if raw is not None:
        r.cpu_ms = round(raw.cpu_ms, 2)
        r.wall_ms = round(raw.wall_ms, 2)
        r.memory_kb = raw.memory_kb
        r.output = raw.stdout
    return r


def fmt_call(method: str, args: tuple[Any, ...] | list[Any]) -> str:
    inner = ", ".join(short(a, 60) for a in args)
    return f"{method}({inner})"
