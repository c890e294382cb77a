def subarray_sum(nums, k):
    seen = {0}  # a set: a prefix value seen twice counts once
    total = count = 0
    for x in nums:
        total += x
        if total - k in seen:
            count += 1
        seen.add(total)
    return count
