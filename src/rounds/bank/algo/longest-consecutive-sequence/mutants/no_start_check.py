def longest_consecutive(nums: list[int]) -> int:
    present = set(nums)
    best = 0
    for x in present:  # walks the run from every member: O(n^2) on one long streak
        end = x
        while end + 1 in present:
            end += 1
        best = max(best, end - x + 1)
    return best
