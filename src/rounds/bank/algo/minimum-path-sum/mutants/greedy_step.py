# trap: the cheaper first step is a trap
# models: greedy step: greedily steps to the cheaper neighbour
# caught by: test 1.6 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def min_path_sum(grid):
    rows, cols = len(grid), len(grid[0])
    r = c = 0
    total = grid[0][0]
    while (r, c) != (rows - 1, cols - 1):  # greedily steps to the cheaper neighbour
        down = grid[r + 1][c] if r + 1 < rows else float("inf")
        right = grid[r][c + 1] if c + 1 < cols else float("inf")
        if down <= right:
            r += 1
        else:
            c += 1
        total += grid[r][c]
    return total
