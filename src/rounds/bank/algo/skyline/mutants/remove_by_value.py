# trap: 20k nested buildings, all standing at once: needs O(log n) per edge
# models: remove by value: list max and remove: O(live buildings) per event; overwrites, but may
#   leave two equal heights in a row
# caught by: test 1.23 (TLE)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
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
