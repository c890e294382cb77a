def largest_rectangle_area(heights: list[int]) -> int:
    stack = []  # indices of bars with increasing heights
    best = 0
    for i, h in enumerate(heights + [0]):  # a final 0 flushes every bar still on the stack
        while stack and heights[stack[-1]] >= h:
            top = heights[stack.pop()]
            left = stack[-1] + 1 if stack else 0  # the popped bar extends back to just after the new top
            best = max(best, top * (i - left - 1))  # one bar too narrow
        stack.append(i)
    return best
