def max_sliding_window(nums, k):
    # tracks one running max; when it leaves the window, rescans only part of the window
    out = []
    best = 0
    for i in range(len(nums)):
        if nums[i] >= nums[best]:
            best = i
        if best <= i - k:
            best = i - k + 2 if k > 1 else i
            for j in range(best, i + 1):
                if nums[j] >= nums[best]:
                    best = j
        if i >= k - 1:
            out.append(nums[best])
    return out
