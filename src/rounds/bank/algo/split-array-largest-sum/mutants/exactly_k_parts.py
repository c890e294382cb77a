def _parts_needed(nums, cap):
    parts, load = 1, 0
    for x in nums:
        if load + x > cap:  # start a new part; x <= cap because cap >= max(nums)
            parts += 1
            load = 0
        load += x
    return parts


def split_array(nums: list[int], k: int) -> int:
    lo, hi = max(nums), sum(nums)
    while lo < hi:
        cap = (lo + hi) // 2
        if _parts_needed(nums, cap) == k:  # fewer parts also work: they can be split further
            hi = cap
        else:
            lo = cap + 1
    return lo
