def subarray_sum(nums, k):
    count = lo = window = 0
    for hi, x in enumerate(nums):  # two pointers assume non-negative values
        window += x
        while window > k and lo <= hi:
            window -= nums[lo]
            lo += 1
        if window == k:
            count += 1
    return count
