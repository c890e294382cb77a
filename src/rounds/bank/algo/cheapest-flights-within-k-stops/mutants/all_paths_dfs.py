# trap: 60 dense regions, 12 stops: enumerating routes is exponential
# models: all paths dfs: enumerates every route: exponential
# caught by: test 1.19 (TLE)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def find_cheapest_price(n, flights, src, dst, k):
    out = [[] for _ in range(n)]
    for u, v, p in flights:
        out[u].append((v, p))
    best = [float("inf")]

    def dfs(u, cost, links):  # enumerates every route: exponential
        if u == dst:
            best[0] = min(best[0], cost)
            return
        if links == k + 1:
            return
        for v, p in out[u]:
            dfs(v, cost + p, links + 1)

    dfs(src, 0, 0)
    return -1 if best[0] == float("inf") else best[0]
