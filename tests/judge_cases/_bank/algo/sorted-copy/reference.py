def sorted_copy(xs: list[int]) -> list[int]:
    return sorted(xs)
