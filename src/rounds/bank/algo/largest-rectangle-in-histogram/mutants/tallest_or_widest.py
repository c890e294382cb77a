# trap: rising: the stack is flushed at the end
# models: tallest or widest: only considers the tallest bar alone or the full width at the lowest
#   height
# caught by: test 1.4 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def largest_rectangle_area(heights):
    if not heights:
        return 0
    # only considers the tallest bar alone or the full width at the lowest height
    return max(max(heights), min(heights) * len(heights))
