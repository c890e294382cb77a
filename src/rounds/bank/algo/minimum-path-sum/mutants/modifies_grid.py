# trap: the grid must not be modified
# models: modifies grid: accumulates in place: the caller's grid is overwritten
# caught by: test 1.7 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def min_path_sum(grid):
    for r in range(len(grid)):  # accumulates in place: the caller's grid is overwritten
        for c in range(len(grid[0])):
            if r == 0 and c == 0:
                continue
            up = grid[r - 1][c] if r else float("inf")
            left = grid[r][c - 1] if c else float("inf")
            grid[r][c] += min(up, left)
    return grid[-1][-1]
