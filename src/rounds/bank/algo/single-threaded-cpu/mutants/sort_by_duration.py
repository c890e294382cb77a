def get_order(tasks):
    # ignores arrival times: a short job that arrives late jumps ahead of waiting ones
    return sorted(range(len(tasks)), key=lambda i: (tasks[i][1], i))
