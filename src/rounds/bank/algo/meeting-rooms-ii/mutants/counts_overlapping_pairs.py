# trap: a long meeting overlapping several
# models: counts overlapping pairs: only compares neighbours: misses a long meeting overlapping
#   several
# caught by: test 1.5 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def min_meeting_rooms(intervals):
    if not intervals:
        return 0
    ordered = sorted(intervals)
    rooms = 1
    for (s1, e1), (s2, e2) in zip(ordered, ordered[1:]):
        if s2 < e1:  # only compares neighbours: misses a long meeting overlapping several
            rooms += 1
    return min(rooms, len(intervals))
