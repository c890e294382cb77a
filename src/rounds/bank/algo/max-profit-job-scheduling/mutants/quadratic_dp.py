def job_scheduling(start_time, end_time, profit):
    jobs = sorted(zip(end_time, start_time, profit))
    best = [0] * (len(jobs) + 1)
    for i, (end, start, p) in enumerate(jobs):
        j = i
        while j > 0 and jobs[j - 1][0] > start:  # linear search back for the last compatible job
            j -= 1
        best[i + 1] = max(best[i], best[j] + p)
    return best[-1]
