def merge_k_lists(lists: list[list[int]]) -> list[int]:
    """Merge k non-decreasing lists into one non-decreasing list, keeping duplicates."""
    raise NotImplementedError
