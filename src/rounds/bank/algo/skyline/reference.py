import heapq


def get_skyline(buildings: list[list[int]]) -> list[list[int]]:
    xs = sorted({x for left, right, _ in buildings for x in (left, right)})
    order = sorted(buildings, key=lambda b: b[0])
    live = []  # max-heap of (-height, right), removed lazily once right <= x
    out = []
    i = 0
    for x in xs:
        while i < len(order) and order[i][0] <= x:
            heapq.heappush(live, (-order[i][2], order[i][1]))
            i += 1
        while live and live[0][1] <= x:
            heapq.heappop(live)
        h = -live[0][0] if live else 0
        if not out or out[-1][1] != h:
            out.append([x, h])
    return out
