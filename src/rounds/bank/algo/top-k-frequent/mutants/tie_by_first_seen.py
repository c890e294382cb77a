from collections import Counter


def top_k_frequent(nums, k):
    # most_common keeps first-seen order among equal counts, not value order
    return [v for v, _ in Counter(nums).most_common(k)]
