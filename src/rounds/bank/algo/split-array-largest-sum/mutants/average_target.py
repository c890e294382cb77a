def split_array(nums, k):
    target = -(-sum(nums) // k)  # greedy fill up to the average: the last part takes the leftovers
    parts, load, best = 1, 0, 0
    for x in nums:
        if load + x > target and parts < k:
            best = max(best, load)
            parts += 1
            load = 0
        load += x
    return max(best, load)
