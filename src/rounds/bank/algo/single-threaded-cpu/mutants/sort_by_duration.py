# trap: equal durations: index order, not arrival order
# models: sort by duration: ignores arrival times: a short job that arrives late jumps ahead of
#   waiting ones
# caught by: test 1.4 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def get_order(tasks):
    # ignores arrival times: a short job that arrives late jumps ahead of waiting ones
    return sorted(range(len(tasks)), key=lambda i: (tasks[i][1], i))
