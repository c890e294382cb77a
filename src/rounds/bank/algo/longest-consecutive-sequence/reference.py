def longest_consecutive(nums: list[int]) -> int:
    present = set(nums)
    best = 0
    for x in present:
        if x - 1 in present:
            continue  # not the start of a run: its run is counted from its start
        end = x
        while end + 1 in present:
            end += 1
        best = max(best, end - x + 1)
    return best
