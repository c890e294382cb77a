# trap: two different votes: no majority
# models: median trick: the middle element is the majority only if one exists
# caught by: test 1.4 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def majority_element(nums):
    if not nums:
        return None
    return sorted(nums)[len(nums) // 2]  # the middle element is the majority only if one exists
