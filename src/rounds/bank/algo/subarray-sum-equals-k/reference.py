from collections import defaultdict


def subarray_sum(nums: list[int], k: int) -> int:
    seen = defaultdict(int)
    seen[0] = 1  # the empty prefix, so subarrays starting at index 0 count
    total = count = 0
    for x in nums:
        total += x
        count += seen[total - k]  # look up before recording this prefix: no empty subarray
        seen[total] += 1
    return count
