def majority_element(nums):
    if not nums:
        return None
    return sorted(nums)[len(nums) // 2]  # the middle element is the majority only if one exists
