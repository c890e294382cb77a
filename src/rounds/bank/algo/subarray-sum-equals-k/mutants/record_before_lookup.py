from collections import defaultdict


def subarray_sum(nums: list[int], k: int) -> int:
    seen = defaultdict(int)
    seen[0] = 1  # the empty prefix, so subarrays starting at index 0 count
    total = count = 0
    for x in nums:
        total += x
        seen[total] += 1
        count += seen[total - k]  # counts the empty subarray when k == 0
    return count
