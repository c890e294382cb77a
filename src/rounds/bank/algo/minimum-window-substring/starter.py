def min_window(s: str, t: str) -> str:
    """Return the shortest substring of s containing t's characters with multiplicity.

    Leftmost among the shortest; "" when none exists.
    """
    raise NotImplementedError
