class RateLimitedGateway:
    """A routing table plus a per-client quota of `limit` admitted requests per window.

    Fixed windows are aligned: window k covers timestamps [k * window, (k + 1) * window).
    Timestamps never decrease from one call to the next. From level 3 on, every method may
    be called from several threads at once (concurrent calls share one timestamp).
    """

    def __init__(self, limit: int, window: int) -> None:
        """The default quota of every client: at most `limit` admitted requests per window."""

    # ---- level 1 -------------------------------------------------------
    def add_route(self, path: str, service: str) -> bool:
        """Route `path` to `service`: True. False if `path` already has a route (kept as is)."""
        raise NotImplementedError

    def remove_route(self, path: str) -> bool:
        """True if `path` had a route and it was removed; False if it had none."""
        raise NotImplementedError

    def handle(self, timestamp: int, client_id: str, path: str) -> int:
        """404 if no route matches `path` exactly; else 429 if the client has used its whole
        quota in the current window; else 200 (admitted and forwarded).

        Only a 200 uses quota; 404 and 429 never count. A quota covers all of a client's paths.
        """
        raise NotImplementedError

    def remaining(self, timestamp: int, client_id: str) -> int | None:
        """max(0, limit - admitted requests in the client's current window); a new client has
        its whole limit. Level 4: None for a client whose policy is "unlimited"."""
        raise NotImplementedError

    # ---- level 2 -------------------------------------------------------
    def top_clients(self, n: int) -> list[str]:
        """Up to n "client(count)" by admitted requests over all time: count descending, then
        id ascending; zero counts are not listed."""
        raise NotImplementedError

    def busiest_services(self, n: int) -> list[str]:
        """Up to n "service(count)" by admitted requests, summed over all of a service's paths;
        removing a route keeps what was counted. Same order and format as top_clients."""
        raise NotImplementedError

    def top_throttled(self, n: int) -> list[str]:
        """Up to n "client(count)" by number of 429 responses (404s do not count). Same order
        and format as top_clients."""
        raise NotImplementedError

    # ---- level 3 -------------------------------------------------------
    def set_limit(self, client_id: str, limit: int, window: int) -> None:
        """Give this client its own quota from now on. It applies to the client's history:
        `used` counts every admitted request inside the current window of the new size."""
        raise NotImplementedError

    # ---- level 4 -------------------------------------------------------
    def set_policy(self, client_id: str, policy: str) -> bool:
        """"fixed" (default), "sliding" (window (t - window, t]) or "unlimited": True. Any other
        string: False, no change. History is kept across switches."""
        raise NotImplementedError

    def retry_after(self, timestamp: int, client_id: str) -> int:
        """The earliest time >= timestamp at which a request by this client would be admitted,
        assuming it sends nothing before then (timestamp itself if it would be admitted now)."""
        raise NotImplementedError
