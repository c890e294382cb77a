def rob(nums):
    taken = set()
    total = 0
    for i in sorted(range(len(nums)), key=lambda i: -nums[i]):  # greedy by value
        if i - 1 not in taken and i + 1 not in taken:
            taken.add(i)
            total += nums[i]
    return total
