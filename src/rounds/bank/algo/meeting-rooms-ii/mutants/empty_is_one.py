# trap: no meetings: 0 rooms
# models: empty is one: a sentinel room: an empty day still reports one room
# caught by: test 1.1 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
import heapq


def min_meeting_rooms(intervals):
    ends = [float("-inf")]  # a sentinel room: an empty day still reports one room
    for start, end in sorted(intervals):
        if ends[0] <= start:
            heapq.heapreplace(ends, end)
        else:
            heapq.heappush(ends, end)
    return len(ends)
