# trap: equal intervals: pick the better of each
# models: greedy best profit: takes the most valuable job first
# caught by: test 1.6 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def job_scheduling(start_time, end_time, profit):
    chosen = []
    for p, s, e in sorted(zip(profit, start_time, end_time), reverse=True):
        if all(e <= s2 or e2 <= s for s2, e2 in chosen):  # takes the most valuable job first
            chosen.append((s, e))
    return sum(p for p, s, e in zip(profit, start_time, end_time) if (s, e) in chosen)
