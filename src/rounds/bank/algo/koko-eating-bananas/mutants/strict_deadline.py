def min_eating_speed(piles: list[int], h: int) -> int:
    lo, hi = 1, max(piles)  # rate max(piles) always works, since h >= len(piles)
    while lo < hi:
        k = (lo + hi) // 2
        hours = sum((p + k - 1) // k for p in piles)  # integer ceil, no floats
        if hours < h:  # finishing exactly at the deadline is allowed
            hi = k
        else:
            lo = k + 1
    return lo
