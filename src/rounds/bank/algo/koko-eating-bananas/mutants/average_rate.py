# trap: the average rate is far too low
# models: average rate: total work over total time: ignores that a partition's last hour is not
#   shared
# caught by: test 1.6 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def min_eating_speed(piles, h):
    # total work over total time: ignores that a partition's last hour is not shared
    return max(1, -(-sum(piles) // h))
