def find_kth_largest(nums, k):
    values = sorted(set(nums), reverse=True)  # drops duplicates
    return values[min(k, len(values)) - 1]
