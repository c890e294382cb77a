def find_kth_largest(nums, k):
    nums.sort(reverse=True)  # reorders the caller's list
    return nums[k - 1]
