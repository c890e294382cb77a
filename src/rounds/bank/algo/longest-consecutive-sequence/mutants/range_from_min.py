def longest_consecutive(nums):
    if not nums:
        return 0
    present = set(nums)
    x = min(present)
    run = 0
    while x in present:  # only the streak that starts at the smallest day
        run += 1
        x += 1
    return run
