"""Choosing the sandbox mode and building the process-wide judge."""

from __future__ import annotations

import atexit
import threading

from rounds.config import Settings
from rounds.content.catalog import bank_roots
from rounds.judge.engine import Judge
from rounds.judge.pool import SlotPool
from rounds.judge.sandbox import SandboxUnavailable, bwrap_works

PROCESS_MODE_WARNING = (
    "process mode: bubblewrap is unavailable, so solutions run as plain processes with rlimits and "
    "seccomp but no namespaces. The limits are weaker: /tmp and /proc are the machine's own, files a "
    "submission leaves are not wiped, and forked workers are counted from /proc only while they run "
    "or once reaped. Fine for judging your own code on your own machine; never serve others."
)


def choose_mode(settings: Settings) -> str:
    if settings.sandbox == "process":
        if settings.environment == "server":
            raise SandboxUnavailable("a server judges other people's code: process mode is refused")
        return "process"
    ok, why = bwrap_works()
    if ok:
        return "bwrap"
    if settings.sandbox == "bwrap" or settings.environment == "server":
        raise SandboxUnavailable(f"the bubblewrap sandbox is required but unavailable: {why}")
    return "process"


_lock = threading.Lock()
_judges: dict[tuple[str, int], Judge] = {}


def get_judge(settings: Settings) -> Judge:
    """One judge (and one pool of warm slots) per process and mode."""
    mode = choose_mode(settings)
    key = (mode, settings.workers)
    with _lock:
        j = _judges.get(key)
        if j is None:
            secrets = [str(p) for p in bank_roots()] + [str(settings.data_dir)]
            j = Judge(SlotPool(mode=mode, size=settings.workers, secrets=secrets))
            _judges[key] = j
        return j


@atexit.register
def shutdown() -> None:
    """Close every pool: kill the warm slots and remove their cgroups."""
    with _lock:
        for j in _judges.values():
            j.pool.close()
        _judges.clear()
