"""Who is judging a submission, and whether that process is still alive.

A submission is claimed by the process that judges it (``host:pid:start``, the start time
telling a live process from a later one that reuses the pid). Recovery takes over a
submission only when its claimer is gone: on this host that is checked directly; a claim
from another host is trusted until its lease runs out.
"""

from __future__ import annotations

import os
import socket
from datetime import datetime, timedelta

LEASE = timedelta(minutes=30)


def _start_time(pid: int) -> str | None:
    """The start time of a running process from /proc, or None (gone, a zombie, or no /proc)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
    except OSError:
        return None
    if len(fields) < 20 or fields[0] in (b"Z", b"X"):
        return None
    return fields[19].decode()


def token(pid: int | None = None) -> str:
    """The claim string of process ``pid`` (default: this process)."""
    pid = os.getpid() if pid is None else pid
    return f"{socket.gethostname()}:{pid}:{_start_time(pid) or '-'}"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def alive(claim: str | None, claimed_at: datetime | None, now: datetime) -> bool:
    """Whether the process behind ``claim`` may still be judging."""
    if not claim:
        return False
    host, _, rest = claim.partition(":")
    pid_s, _, start = rest.partition(":")
    if host == socket.gethostname() and pid_s.isdigit():
        pid = int(pid_s)
        if start != "-":
            return _start_time(pid) == start
        return _pid_alive(pid)
    return claimed_at is not None and now - claimed_at < LEASE
