import heapq


def min_meeting_rooms(intervals):
    ends = []
    for start, end in intervals:  # forgot to sort by start time first
        if ends and ends[0] <= start:
            heapq.heapreplace(ends, end)
        else:
            heapq.heappush(ends, end)
    return len(ends)
