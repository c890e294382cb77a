def rob(nums: list[int]) -> int:
    skip = take = 0  # best totals up to the previous night, without / with that night
    for x in nums:
        skip, take = max(skip, take), skip + x
    return max(skip, take)
