# trap: the answer is the largest partition
# models: linear search: tries every rate: O(n * answer)
# caught by: test 1.2 (TLE)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def min_eating_speed(piles, h):
    k = 1
    while sum((p + k - 1) // k for p in piles) > h:  # tries every rate: O(n * answer)
        k += 1
    return k
