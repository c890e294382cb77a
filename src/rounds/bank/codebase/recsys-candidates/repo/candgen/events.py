"""The interaction log: reading it, each user's history, and cutting it into sessions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple


class Interaction(NamedTuple):
    user: str
    item: int
    ts: float  # seconds since the epoch


HEADER = "user,item,ts"


def parse_log(lines: Iterable[str]) -> list[Interaction]:
    """Interactions from lines of ``user,item,ts``, in the log's order.

    A header line ``user,item,ts`` may come first; blank lines and lines starting with ``#`` are
    skipped. Anything else that is not a user, an integer item id and a number is a ValueError
    naming its line (1-based).
    """
    out: list[Interaction] = []
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text.startswith("#") or (number == 1 and text == HEADER):
            continue
        parts = [p.strip() for p in text.split(",")]
        try:
            user, item, ts = parts
            if not user:
                raise ValueError("empty user")
            out.append(Interaction(user, int(item), float(ts)))
        except ValueError as exc:
            raise ValueError(f"line {number}: expected user,item,ts, got {text!r} ({exc})") from None
    return out


def by_user(events: Iterable[Interaction]) -> dict[str, list[Interaction]]:
    """Each user's events in time order (equal times keep the log's order), users sorted."""
    grouped: dict[str, list[Interaction]] = defaultdict(list)
    for e in events:
        grouped[e.user].append(e)
    return {user: sorted(grouped[user], key=lambda e: e.ts) for user in sorted(grouped)}


def sessionize(events: Iterable[Interaction], gap_s: float) -> list[list[int]]:
    """Each user's events, in time order, cut into sessions: the item ids of each session.

    A pause of more than ``gap_s`` seconds between two consecutive events of a user starts a new
    session; a pause of exactly ``gap_s`` does not. Consecutive views of the same item in a session
    (a reload, the back button) count once: they say nothing new, and would count the same
    co-visit again. Sessions come user by user (users sorted), each user's in time order.
    """
    sessions: list[list[int]] = []
    for history in by_user(events).values():
        current: list[int] = []
        last_ts: float | None = None
        for e in history:
            if last_ts is not None and e.ts - last_ts >= gap_s:
                sessions.append(current)
                current = []
            if not current or current[-1] != e.item:
                current.append(e.item)
            last_ts = e.ts
        if current:
            sessions.append(current)
    return sessions
