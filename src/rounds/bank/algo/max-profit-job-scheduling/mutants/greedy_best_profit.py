def job_scheduling(start_time, end_time, profit):
    chosen = []
    for p, s, e in sorted(zip(profit, start_time, end_time), reverse=True):
        if all(e <= s2 or e2 <= s for s2, e2 in chosen):  # takes the most valuable job first
            chosen.append((s, e))
    return sum(p for p, s, e in zip(profit, start_time, end_time) if (s, e) in chosen)
