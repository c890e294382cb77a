def get_skyline(buildings):
    xs = sorted({x for l, r, _ in buildings for x in (l, r)})
    out = []
    for x in xs:  # rescans every building at every x: O(n^2)
        h = max((bh for l, r, bh in buildings if l <= x < r), default=0)
        if not out or out[-1][1] != h:
            out.append([x, h])
    return out
