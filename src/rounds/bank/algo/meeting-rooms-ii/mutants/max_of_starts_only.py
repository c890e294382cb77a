# trap: a long meeting overlapping several
# models: max of starts only: most meetings starting at one instant: ignores meetings still running
#   from before
# caught by: test 1.5 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
from collections import Counter


def min_meeting_rooms(intervals):
    if not intervals:
        return 0
    # most meetings starting at one instant: ignores meetings still running from before
    return max(Counter(s for s, _ in intervals).values())
