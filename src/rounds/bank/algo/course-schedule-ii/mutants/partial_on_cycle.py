from collections import deque


def find_order(num_courses, prerequisites):
    indegree = [0] * num_courses
    after = [[] for _ in range(num_courses)]
    for a, b in prerequisites:
        after[b].append(a)
        indegree[a] += 1
    ready = deque(c for c in range(num_courses) if indegree[c] == 0)
    order = []
    while ready:
        c = ready.popleft()
        order.append(c)
        for nxt in after[c]:
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                ready.append(nxt)
    return order  # forgets to report the cycle
