def majority_element(nums):
    for x in nums:  # counts every element's frequency from scratch: O(n^2)
        if nums.count(x) * 2 > len(nums):
            return x
    return None
