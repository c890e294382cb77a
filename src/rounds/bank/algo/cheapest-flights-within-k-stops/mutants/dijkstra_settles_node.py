# trap: a stop's cheapest route is too long: a pricier, shorter one must be kept
# models: dijkstra settles node: (cost, node, links used); settles a node once: a cheaper route with
#   too many stops blocks a valid one
# caught by: test 1.6 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
import heapq


def find_cheapest_price(n, flights, src, dst, k):
    out = [[] for _ in range(n)]
    for u, v, p in flights:
        out[u].append((v, p))
    done = set()
    heap = [(0, src, 0)]  # (cost, node, links used)
    while heap:
        c, u, used = heapq.heappop(heap)
        if u == dst:
            return c
        if u in done:
            continue
        done.add(u)  # settles a node once: a cheaper route with too many stops blocks a valid one
        if used <= k:
            for v, p in out[u]:
                heapq.heappush(heap, (c + p, v, used + 1))
    return -1
