def largest_rectangle_area(heights):
    best = 0
    n = len(heights)
    for i, h in enumerate(heights):
        left = i
        while left > 0 and heights[left - 1] > h:  # strict on the left, but stops at equal bars
            left -= 1
        right = i
        while right + 1 < n and heights[right + 1] > h:
            right += 1
        best = max(best, h * (right - left + 1))
    return best
