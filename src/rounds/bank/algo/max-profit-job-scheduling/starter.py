def job_scheduling(start_time: list[int], end_time: list[int], profit: list[int]) -> int:
    """Return the largest total profit of pairwise non-overlapping jobs.

    Job i occupies [start_time[i], end_time[i]): one ending at t and one
    starting at t are compatible. 0 for no jobs.
    """
    raise NotImplementedError
