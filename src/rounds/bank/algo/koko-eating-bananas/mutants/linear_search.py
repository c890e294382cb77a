def min_eating_speed(piles, h):
    k = 1
    while sum((p + k - 1) // k for p in piles) > h:  # tries every rate: O(n * answer)
        k += 1
    return k
