from collections import Counter


def top_k_frequent(nums, k):
    counts = Counter(nums)
    ranked = sorted(counts, key=lambda v: (counts[v], v), reverse=True)  # ties: larger value first
    return ranked[:k]
