def find_redundant_connection(edges):
    seen = set()
    for a, b in edges:
        if a in seen and b in seen:  # both endpoints seen does not mean they are connected yet
            return [a, b]
        seen.add(a)
        seen.add(b)
    return []
