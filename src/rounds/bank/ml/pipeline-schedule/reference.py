def one_f_one_b_order(num_stages, num_microbatches, stage):
    S, M = num_stages, num_microbatches
    warmup = min(S - 1 - stage, M)  # later stages need fewer forwards in flight
    ops = [f"F{m}" for m in range(warmup)]
    for i in range(M - warmup):  # steady state: one forward, one backward
        ops += [f"F{warmup + i}", f"B{i}"]
    ops += [f"B{m}" for m in range(M - warmup, M)]  # cool-down: the remaining backwards
    return ops


def simulate(orders, tf, tb):
    S = len(orders)
    done = {}  # (kind, stage, microbatch) -> finish time
    starts = [[None] * len(o) for o in orders]
    nxt = [0] * S
    free = [0] * S
    remaining = sum(len(o) for o in orders)
    while remaining:
        progressed = False
        for s in range(S):
            if nxt[s] == len(orders[s]):
                continue
            op = orders[s][nxt[s]]
            kind, m = op[0], int(op[1:])
            if kind == "F":
                dep = ("F", s - 1, m) if s > 0 else None
            else:
                dep = ("B", s + 1, m) if s < S - 1 else ("F", s, m)
            if dep is not None and dep not in done:
                continue
            start = max(free[s], done[dep] if dep is not None else 0)
            end = start + (tf if kind == "F" else tb)
            done[(kind, s, m)] = end
            starts[s][nxt[s]] = start
            free[s] = end
            nxt[s] += 1
            remaining -= 1
            progressed = True
        if not progressed:
            raise ValueError("the orders deadlock")
    peak = []
    for o in orders:
        live = best = 0
        for op in o:
            live += 1 if op[0] == "F" else -1  # activations kept from forward until backward
            best = max(best, live)
        peak.append(best)
    return starts, max(free), peak
