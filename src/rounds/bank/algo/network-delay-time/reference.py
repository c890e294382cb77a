import heapq


def network_delay_time(times: list[list[int]], n: int, k: int) -> int:
    out = [[] for _ in range(n + 1)]
    for u, v, w in times:
        out[u].append((v, w))
    dist = [None] * (n + 1)
    heap = [(0, k)]
    while heap:
        d, u = heapq.heappop(heap)
        if dist[u] is not None:
            continue  # a stale entry: u was settled with a shorter distance
        dist[u] = d
        for v, w in out[u]:
            if dist[v] is None:
                heapq.heappush(heap, (d + w, v))
    reached = dist[1:]
    return -1 if None in reached else max(reached)
