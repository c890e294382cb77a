def min_meeting_rooms(intervals: list[list[int]]) -> int:
    """Return the peak number of meetings running at the same time.

    Each meeting [start, end] occupies the half-open interval [start, end):
    one ending at t and one starting at t share a room. Return 0 for [].
    """
    raise NotImplementedError
