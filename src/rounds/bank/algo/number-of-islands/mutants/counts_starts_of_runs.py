# trap: a U shape: two arms, one island
# models: counts starts of runs: counts a cell with no land above or to the left: U-shaped islands
#   count twice
# caught by: test 1.8 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def num_islands(grid):
    count = 0
    for r, row in enumerate(grid):
        for c, ch in enumerate(row):
            # counts a cell with no land above or to the left: U-shaped islands count twice
            if ch == "1" and (r == 0 or grid[r - 1][c] == "0") and (c == 0 or row[c - 1] == "0"):
                count += 1
    return count
