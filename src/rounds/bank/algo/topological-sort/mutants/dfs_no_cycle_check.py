def topological_sort(tasks, deps):
    after = {t: [] for t in tasks}
    for a, b in deps:
        after[a].append(b)
    seen, out = set(), []
    for root in tasks:
        if root in seen:
            continue
        seen.add(root)
        stack = [(root, iter(after[root]))]
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                out.append(node)
                stack.pop()
            elif nxt not in seen:  # one "seen" set: a back edge looks like a finished node
                seen.add(nxt)
                stack.append((nxt, iter(after[nxt])))
    return out[::-1]
