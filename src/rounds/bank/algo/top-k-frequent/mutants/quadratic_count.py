def top_k_frequent(nums, k):
    distinct = sorted(set(nums))
    counts = {v: nums.count(v) for v in distinct}  # one full scan per distinct value: O(n * d)
    return sorted(distinct, key=lambda v: (-counts[v], v))[:k]
