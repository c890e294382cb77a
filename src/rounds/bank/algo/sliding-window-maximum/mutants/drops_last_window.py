from collections import deque


def max_sliding_window(nums, k):
    window = deque()
    out = []
    for i in range(len(nums) - 1):  # off by one: never reaches the last sample
        x = nums[i]
        while window and nums[window[-1]] <= x:
            window.pop()
        window.append(i)
        if window[0] <= i - k:
            window.popleft()
        if i >= k - 1:
            out.append(nums[window[0]])
    return out
