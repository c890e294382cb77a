def find_redundant_connection(edges):
    parent = list(range(len(edges) + 1))

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in edges:
        if find(a) == find(b):
            return [a, b]
        parent[a] = b  # links the node, not its root: loses a's earlier connections
    return []
