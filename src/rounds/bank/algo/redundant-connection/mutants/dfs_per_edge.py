def find_redundant_connection(edges):
    adj = {}
    for a, b in edges:  # before adding a link, search for an existing path: O(n^2)
        seen, stack = {a}, [a]
        while stack:
            x = stack.pop()
            if x == b:
                return [a, b]
            for y in adj.get(x, ()):
                if y not in seen:
                    seen.add(y)
                    stack.append(y)
        adj.setdefault(a, []).append(b)
        adj.setdefault(b, []).append(a)
    return []
