from collections import deque


def topological_sort(tasks: list[str], deps: list[list[str]]) -> list[str] | None:
    indegree = {t: 0 for t in tasks}
    after = {t: [] for t in tasks}
    for a, b in deps:
        after[a].append(b)
        indegree[b] += 1
    ready = deque(t for t in tasks if indegree[t] == 0)
    order = []
    while ready:
        t = ready.popleft()
        order.append(t)
        for nxt in after[t]:
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                ready.append(nxt)
    return order if len(order) == len(tasks) else None
