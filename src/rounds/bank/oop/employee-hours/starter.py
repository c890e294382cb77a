class HoursRegister:
    """Workers, badge swipes and the sessions between them; pay from level 3 on.

    Timestamps never decrease from one call to the next.
    """

    def __init__(self) -> None:
        """No workers."""

    # ---- level 1 -------------------------------------------------------
    def add_worker(self, worker_id: str, position: str, rate: int) -> bool:
        """A new worker, outside, paid `rate` per time unit: True. False if the id exists."""
        raise NotImplementedError

    def register(self, timestamp: int, worker_id: str) -> str | None:
        """A swipe: "in" if the worker was outside, "out" if inside (closing a session of
        out - in time units). None for an unknown worker (nothing recorded)."""
        raise NotImplementedError

    def time_in_office(self, worker_id: str) -> int | None:
        """Total length of completed sessions (an open one does not count); None if unknown."""
        raise NotImplementedError

    def get_position(self, worker_id: str) -> str | None:
        """The worker's current position; None if unknown."""
        raise NotImplementedError

    # ---- level 2 -------------------------------------------------------
    def top_workers(self, n: int, position: str) -> list[str]:
        """Up to n workers holding `position` as "id(time_in_office)": time descending, then id
        ascending; zero times included."""
        raise NotImplementedError

    def in_office(self) -> list[str]:
        """Workers inside now as "id(t)", t = their swipe in: t ascending, then id ascending."""
        raise NotImplementedError

    # ---- level 3 -------------------------------------------------------
    def promote(self, timestamp: int, worker_id: str, position: str, rate: int) -> bool:
        """Pending until the worker's next "in" swipe, which applies it before opening the
        session. False if unknown or a promotion is already pending."""
        raise NotImplementedError

    def salary(self, worker_id: str, start: int, end: int) -> int | None:
        """Pay for the part of each completed session inside [start, end), at the rate the
        session was paid at. None if unknown."""
        raise NotImplementedError

    # ---- level 4 -------------------------------------------------------
    def set_double_pay(self, start: int, end: int) -> int:
        """Mark [start, end) as double pay (overlaps pay double, never more). Return the total
        double-pay time so far, each unit counted once."""
        raise NotImplementedError

    def merge_workers(self, timestamp: int, target_id: str, source_id: str) -> bool:
        """Move the source's sessions (with their rates) to the target and remove the source.
        False if either is unknown or inside, or the ids are equal."""
        raise NotImplementedError
