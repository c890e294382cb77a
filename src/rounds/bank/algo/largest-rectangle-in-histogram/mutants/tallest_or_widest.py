def largest_rectangle_area(heights):
    if not heights:
        return 0
    # only considers the tallest bar alone or the full width at the lowest height
    return max(max(heights), min(heights) * len(heights))
