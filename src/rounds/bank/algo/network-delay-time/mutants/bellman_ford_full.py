# trap: 20k servers in a long chain, 40k links: needs Dijkstra, O((V + E) log V), not up to V rounds
#   of relaxation
# models: bellman ford full: Bellman-Ford: O(V * E)
# caught by: test 1.19 (TLE)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def network_delay_time(times, n, k):
    inf = float("inf")
    dist = [inf] * (n + 1)
    dist[k] = 0
    for _ in range(n - 1):  # Bellman-Ford: O(V * E)
        changed = False
        for u, v, w in times:
            if dist[u] + w < dist[v]:
                dist[v] = dist[u] + w
                changed = True
        if not changed:
            break
    best = max(dist[1:])
    return -1 if best == inf else best
