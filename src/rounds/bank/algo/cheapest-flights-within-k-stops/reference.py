def find_cheapest_price(n: int, flights: list[list[int]], src: int, dst: int, k: int) -> int:
    inf = float("inf")
    cost = [inf] * n
    cost[src] = 0
    for _ in range(k + 1):  # round r allows routes of up to r + 1 links
        nxt = cost[:]  # relax from last round's costs only, so one round adds at most one link
        for u, v, price in flights:
            if cost[u] + price < nxt[v]:
                nxt[v] = cost[u] + price
        cost = nxt
    return -1 if cost[dst] == inf else cost[dst]
