def daily_temperatures(temperatures: list[int]) -> list[int]:
    """For each day, the number of days until a strictly greater value; 0 if none."""
    raise NotImplementedError
