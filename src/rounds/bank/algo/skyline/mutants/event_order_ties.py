import heapq


def get_skyline(buildings):
    events = []
    for l, r, h in buildings:
        events.append((l, h, r))
        events.append((r, 0, 0))
    events.sort()  # at one x, lower starts come first: emits an intermediate point
    live = [(0, float("inf"))]
    out = []
    for x, h, r in events:
        while live[0][1] <= x:
            heapq.heappop(live)
        if h:
            heapq.heappush(live, (-h, r))
        top = -live[0][0]
        if not out or out[-1][1] != top:
            out.append([x, top])  # may emit two points at one x
    return out
