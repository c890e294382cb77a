def find_kth_largest(nums, k):
    ordered = sorted(nums, reverse=True)
    return ordered[k] if k < len(ordered) else ordered[-1]  # index k is the (k + 1)-th largest
