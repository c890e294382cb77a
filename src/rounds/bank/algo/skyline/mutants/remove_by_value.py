def get_skyline(buildings):
    events = []
    for l, r, h in buildings:
        events.append((l, -h))
        events.append((r, h))
    events.sort()
    live = [0]
    out = []
    for x, h in events:
        if h < 0:
            live.append(-h)
        else:
            live.remove(h)
        top = max(live)  # list max and remove: O(live buildings) per event
        if not out or out[-1][1] != top:
            if out and out[-1][0] == x:
                out[-1][1] = top  # overwrites, but may leave two equal heights in a row
            else:
                out.append([x, top])
    return out
