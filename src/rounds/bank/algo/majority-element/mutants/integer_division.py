# trap: one vote is a majority
# models: integer division: threshold one too high for even lengths
# caught by: test 1.2 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
from collections import Counter


def majority_element(nums):
    if not nums:
        return None
    value, count = Counter(nums).most_common(1)[0]
    return value if count > len(nums) // 2 + 1 else None  # threshold one too high for even lengths
