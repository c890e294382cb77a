def job_scheduling(start_time, end_time, profit):
    total, free_at = 0, 0
    for end, start, p in sorted(zip(end_time, start_time, profit)):
        if start >= free_at:  # activity selection ignores profit
            total += p
            free_at = end
    return total
