def min_meeting_rooms(intervals):
    events = []
    for start, end in intervals:
        events.append((start, 0))  # starts before ends at equal times: treats [start, end] as closed
        events.append((end, 1))
    events.sort()
    rooms = best = 0
    for _, kind in events:
        rooms += 1 if kind == 0 else -1
        best = max(best, rooms)
    return best
