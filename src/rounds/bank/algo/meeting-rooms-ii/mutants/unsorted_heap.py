# trap: unsorted input with touching ends
# models: unsorted heap: forgot to sort by start time first
# caught by: test 1.6 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
import heapq


def min_meeting_rooms(intervals):
    ends = []
    for start, end in intervals:  # forgot to sort by start time first
        if ends and ends[0] <= start:
            heapq.heapreplace(ends, end)
        else:
            heapq.heappush(ends, end)
    return len(ends)
