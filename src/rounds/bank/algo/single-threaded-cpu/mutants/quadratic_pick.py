# trap: 60k jobs, most waiting at once: needs O(n log n)
# models: quadratic pick: rescans every waiting job: O(n^2)
# caught by: test 1.22 (TLE)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
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
