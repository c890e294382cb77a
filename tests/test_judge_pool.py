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
