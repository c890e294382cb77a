def get_order(tasks):
    # first come, first served: not shortest-job-first
    return sorted(range(len(tasks)), key=lambda i: (tasks[i][0], i))
