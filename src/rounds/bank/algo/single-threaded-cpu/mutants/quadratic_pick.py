def get_order(tasks):
    left = set(range(len(tasks)))
    order, time = [], 0
    while left:
        ready = [i for i in left if tasks[i][0] <= time]  # rescans every waiting job: O(n^2)
        if not ready:
            time = min(tasks[i][0] for i in left)
            continue
        i = min(ready, key=lambda i: (tasks[i][1], i))
        left.remove(i)
        time += tasks[i][1]
        order.append(i)
    return order
