# trap: equal durations: index order, not arrival order
# models: fifo: first come, first served: not shortest-job-first
# caught by: test 1.4 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def get_order(tasks):
    # first come, first served: not shortest-job-first
    return sorted(range(len(tasks)), key=lambda i: (tasks[i][0], i))
