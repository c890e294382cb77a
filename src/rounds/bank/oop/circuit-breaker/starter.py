class CircuitBreaker:
    """One breaker per registered service: "closed", "open", "half_open" (level 4: "forced_open").

    Timestamps never decrease from one call to the next. Every method first applies what is
    due by its timestamp (an open breaker is half-open from opened time + cooldown on).
    """

    def __init__(self, threshold: int, cooldown: int) -> None:
        """`threshold` consecutive failures open a closed breaker for `cooldown` time units."""

    # ---- level 1 -------------------------------------------------------
    def add_service(self, service: str) -> bool:
        """Register a service with a closed breaker: True. False if it already exists (no change)."""
        raise NotImplementedError

    def allow(self, timestamp: int, service: str) -> bool | None:
        """closed: True. open: False. half_open: True for the first call (the trial), then False
        until an outcome is recorded. None for an unknown service."""
        raise NotImplementedError

    def record(self, timestamp: int, service: str, success: bool) -> str | None:
        """Apply a call's outcome and return the state after it; None for an unknown service.

        closed: a success resets the consecutive-failure count, the threshold-th failure in a
        row opens. open: ignored. half_open: success closes, failure reopens at `timestamp`.
        """
        raise NotImplementedError

    def state(self, timestamp: int, service: str) -> str | None:
        """The state at `timestamp`; None for an unknown service."""
        raise NotImplementedError

    # ---- level 2 -------------------------------------------------------
    def open_services(self, timestamp: int) -> list[str]:
        """Open breakers as "service(t)", t = when it becomes half-open; t ascending, then name."""
        raise NotImplementedError

    def top_failing(self, n: int) -> list[str]:
        """Up to n "service(count)" by recorded failures (all of them): count descending, then
        name ascending; zero counts are not listed."""
        raise NotImplementedError

    def top_rejected(self, n: int) -> list[str]:
        """Up to n "service(count)" by allow() calls that returned False; same order and format."""
        raise NotImplementedError

    # ---- level 3 -------------------------------------------------------
    def set_rate_policy(self, service: str, window: int, min_calls: int, max_failure_pct: int) -> bool:
        """After each outcome recorded while closed at time t: open when the outcomes in
        (t - window, t] number calls >= min_calls and fails * 100 >= max_failure_pct * calls.
        Replaces the consecutive rule for this service. False for an unknown service."""
        raise NotImplementedError

    # ---- level 4 -------------------------------------------------------
    def force_open(self, timestamp: int, service: str) -> bool:
        """Any state -> "forced_open" (rejects everything, never half-opens): True. False if
        already forced open or unknown."""
        raise NotImplementedError

    def release(self, timestamp: int, service: str) -> bool:
        """"forced_open" -> "closed" with a fresh count: True. Otherwise False, no change."""
        raise NotImplementedError

    def history(self, timestamp: int, service: str) -> list[str] | None:
        """Every state change up to `timestamp`, oldest first, as "t:from->to", each stamped
        with the time it happened. [] if none; None for an unknown service."""
        raise NotImplementedError
