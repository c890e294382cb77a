from bisect import bisect_left


def length_of_lis(nums):
    if not nums:
        return 0
    best = [1] * len(nums)
    tails = []
    for i, x in enumerate(nums):
        k = bisect_left(tails, x)
        if k == len(tails):
            tails.append(x)
        else:
            tails[k] = x
        best[i] = k + 1
    return best[-1]  # the chain ending at the last checkpoint, not the longest overall
