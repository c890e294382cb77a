def find_order(num_courses, prerequisites):
    indegree = [0] * num_courses
    for a, b in prerequisites:
        indegree[a] += 1
    done = [False] * num_courses
    order = []
    while len(order) < num_courses:
        progress = False
        for c in range(num_courses):  # rescans every course each round: O(V * (V + E))
            if not done[c] and indegree[c] == 0:
                done[c] = True
                order.append(c)
                for a, b in prerequisites:
                    if b == c:
                        indegree[a] -= 1
                progress = True
        if not progress:
            return []
    return order
