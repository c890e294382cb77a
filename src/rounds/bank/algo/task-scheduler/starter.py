def least_interval(tasks: list[str], n: int) -> int:
    """Shortest schedule length (calls plus idle slots) with >= n slots between equal labels."""
    raise NotImplementedError
