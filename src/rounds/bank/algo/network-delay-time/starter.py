def network_delay_time(times: list[list[int]], n: int, k: int) -> int:
    """Return the time until every server 1..n has the message sent from k.

    times[i] = [u, v, w]: a directed link u -> v taking w >= 0 ms.
    -1 when some server is unreachable.
    """
    raise NotImplementedError
