import heapq


def network_delay_time(times, n, k):
    out = [[] for _ in range(n + 1)]
    for u, v, w in times:
        out[u].append((v, w))
    dist = [None] * (n + 1)
    heap = [(0, k)]
    while heap:
        d, u = heapq.heappop(heap)
        if dist[u] is not None:
            continue
        dist[u] = d
        for v, w in out[u]:
            if dist[v] is None:
                heapq.heappush(heap, (d + w, v))
    reached = [d for d in dist[1:] if d is not None]  # ignores unreachable servers
    return max(reached)
