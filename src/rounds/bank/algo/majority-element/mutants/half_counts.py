from collections import Counter


def majority_element(nums):
    if not nums:
        return None
    value, count = Counter(nums).most_common(1)[0]
    return value if count * 2 >= len(nums) else None  # exactly half counted as a majority
