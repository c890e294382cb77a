# trap: the longest job pays most
# models: greedy earliest end: activity selection ignores profit
# caught by: test 1.5 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def job_scheduling(start_time, end_time, profit):
    total, free_at = 0, 0
    for end, start, p in sorted(zip(end_time, start_time, profit)):
        if start >= free_at:  # activity selection ignores profit
            total += p
            free_at = end
    return total
