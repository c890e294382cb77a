# trap: more labels than a frame holds: no idle slot at all
# models: round robin first seen: cycles through labels in first-seen order instead of
#   most-remaining first
# caught by: test 1.5 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def least_interval(tasks, n):
    remaining = {}
    for t in tasks:
        remaining[t] = remaining.get(t, 0) + 1
    order = list(remaining)  # cycles through labels in first-seen order instead of most-remaining first
    ready_at = {t: 0 for t in order}
    time = 0
    left = len(tasks)
    while left:
        for t in order:
            if remaining[t] and ready_at[t] <= time:
                remaining[t] -= 1
                ready_at[t] = time + n + 1
                left -= 1
                break
        time += 1
    return time
