from bisect import bisect_right


def job_scheduling(start_time: list[int], end_time: list[int], profit: list[int]) -> int:
    jobs = sorted(zip(end_time, start_time, profit))
    ends = [e for e, _, _ in jobs]
    best = [0] * (len(jobs) + 1)  # best[i]: the best total using the first i jobs by end time
    for i, (end, start, p) in enumerate(jobs):
        j = bisect_right(ends, start, 0, i)  # jobs ending at or before this start
        best[i + 1] = max(best[i], best[j] + p)
    return best[-1]
