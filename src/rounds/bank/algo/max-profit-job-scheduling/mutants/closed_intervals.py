from bisect import bisect_left


def job_scheduling(start_time, end_time, profit):
    jobs = sorted(zip(end_time, start_time, profit))
    ends = [e for e, _, _ in jobs]
    best = [0] * (len(jobs) + 1)
    for i, (end, start, p) in enumerate(jobs):
        j = bisect_left(ends, start, 0, i)  # a job ending exactly at this start is treated as overlapping
        best[i + 1] = max(best[i], best[j] + p)
    return best[-1]
