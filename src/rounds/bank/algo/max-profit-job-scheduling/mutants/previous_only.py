def job_scheduling(start_time, end_time, profit):
    jobs = sorted(zip(end_time, start_time, profit))
    best = [0] * (len(jobs) + 1)
    for i, (end, start, p) in enumerate(jobs):
        # only looks at the job just before: compatible -> extend it, else start over
        if i > 0 and jobs[i - 1][0] <= start:
            best[i + 1] = max(best[i], best[i] + p)
        else:
            best[i + 1] = max(best[i], p)
    return best[-1]
