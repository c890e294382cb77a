from collections import Counter


def top_k_frequent(nums, k):
    counts = Counter(nums)
    ranked = sorted(counts, key=lambda v: (-counts[v], v))[:k]
    return sorted(ranked)  # returns the right set, but in value order
