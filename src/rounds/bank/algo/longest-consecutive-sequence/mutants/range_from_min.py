# trap: the longest streak does not start at the smallest day
# models: range from min: only the streak that starts at the smallest day
# caught by: test 1.5 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
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
