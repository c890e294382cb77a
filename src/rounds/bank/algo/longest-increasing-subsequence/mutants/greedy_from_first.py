# trap: a better chain starts after the first element
# models: greedy from first: keeps the first element and takes anything larger: misses better starts
# caught by: test 1.4 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def length_of_lis(nums):
    if not nums:
        return 0
    count, last = 1, nums[0]
    for x in nums[1:]:  # keeps the first element and takes anything larger: misses better starts
        if x > last:
            count += 1
            last = x
    return count
