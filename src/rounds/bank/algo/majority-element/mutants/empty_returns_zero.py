def majority_element(nums):
    candidate, votes = 0, 0
    for x in nums:
        if votes == 0:
            candidate = x
        votes += 1 if x == candidate else -1
    if nums.count(candidate) * 2 > len(nums):
        return candidate
    return 0 if not nums else None  # empty input returns 0 instead of None
