from bisect import bisect_left


def length_of_lis(nums: list[int]) -> int:
    tails = []  # tails[k]: the smallest tail of an increasing subsequence of length k + 1
    for x in nums:
        i = bisect_left(tails, x)  # bisect_left: an equal value replaces, never extends
        if i == len(tails):
            tails.append(x)
        else:
            tails[i] = x
    return len(tails)
