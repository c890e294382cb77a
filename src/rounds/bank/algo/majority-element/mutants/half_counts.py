# trap: two different votes: no majority
# models: half counts: exactly half counted as a majority
# caught by: test 1.4 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
from collections import Counter


def majority_element(nums):
    if not nums:
        return None
    value, count = Counter(nums).most_common(1)[0]
    return value if count * 2 >= len(nums) else None  # exactly half counted as a majority
