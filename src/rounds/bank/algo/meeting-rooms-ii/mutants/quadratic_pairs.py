# trap: 50k meetings: needs O(n log n), not a scan per meeting
# models: quadratic pairs: counts meetings open at each start: O(n^2)
# caught by: test 1.21 (TLE)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def min_meeting_rooms(intervals):
    best = 0
    for s, _ in intervals:  # counts meetings open at each start: O(n^2)
        best = max(best, sum(1 for a, b in intervals if a <= s < b))
    return best
