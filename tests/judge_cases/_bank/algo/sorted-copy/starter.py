def sorted_copy(xs: list[int]) -> list[int]:
    """Return the values of xs in increasing order; leave xs as it is."""
    raise NotImplementedError
