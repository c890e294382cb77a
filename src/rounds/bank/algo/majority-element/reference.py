def majority_element(nums: list[int]) -> int | None:
    candidate, votes = None, 0
    for x in nums:
        if votes == 0:
            candidate = x
        votes += 1 if x == candidate else -1
    if candidate is not None and nums.count(candidate) * 2 > len(nums):
        return candidate
    return None
