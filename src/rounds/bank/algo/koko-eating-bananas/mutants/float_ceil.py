def min_eating_speed(piles: list[int], h: int) -> int:
    lo, hi = 1, max(piles)  # rate max(piles) always works, since h >= len(piles)
    while lo < hi:
        k = (lo + hi) // 2
        hours = sum(int(p / k + 0.999999) for p in piles)  # float rounding
        if hours <= h:
            hi = k
        else:
            lo = k + 1
    return lo
