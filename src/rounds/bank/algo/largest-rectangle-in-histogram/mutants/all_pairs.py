def largest_rectangle_area(heights):
    best = 0
    for i in range(len(heights)):  # every start, running minimum: O(n^2)
        low = heights[i]
        for j in range(i, len(heights)):
            low = min(low, heights[j])
            best = max(best, low * (j - i + 1))
    return best
