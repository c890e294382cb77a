# trap: 100k checkpoints: needs O(n log n), not the O(n^2) DP
# models: quadratic dp: O(n^2)
# caught by: test 1.19 (TLE)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def length_of_lis(nums):
    best = [1] * len(nums)
    for i in range(len(nums)):  # O(n^2)
        for j in range(i):
            if nums[j] < nums[i] and best[j] + 1 > best[i]:
                best[i] = best[j] + 1
    return max(best, default=0)
