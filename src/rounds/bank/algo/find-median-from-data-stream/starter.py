def running_medians(values: list[int]) -> list[float]:
    """Median of values[:i + 1] for every i (mean of the two middles when the count is even)."""
    raise NotImplementedError
