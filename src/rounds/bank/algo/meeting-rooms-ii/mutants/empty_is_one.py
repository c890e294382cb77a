import heapq


def min_meeting_rooms(intervals):
    ends = [float("-inf")]  # a sentinel room: an empty day still reports one room
    for start, end in sorted(intervals):
        if ends[0] <= start:
            heapq.heapreplace(ends, end)
        else:
            heapq.heappush(ends, end)
    return len(ends)
