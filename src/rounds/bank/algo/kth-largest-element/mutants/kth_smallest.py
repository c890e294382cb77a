def find_kth_largest(nums, k):
    return sorted(nums)[k - 1]  # ascending order: the k-th smallest
