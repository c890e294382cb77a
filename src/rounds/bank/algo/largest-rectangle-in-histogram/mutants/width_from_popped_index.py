def largest_rectangle_area(heights: list[int]) -> int:
    stack = []  # indices of bars with increasing heights
    best = 0
    for i, h in enumerate(heights + [0]):  # a final 0 flushes every bar still on the stack
        while stack and heights[stack[-1]] >= h:
            j = stack.pop()
            top = heights[j]
            left = j  # forgets that the popped bar extends left over taller popped bars
            best = max(best, top * (i - left))
        stack.append(i)
    return best
