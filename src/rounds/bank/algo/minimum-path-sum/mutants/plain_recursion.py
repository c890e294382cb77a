# trap: 16 x 16: plain recursion is exponential
# models: plain recursion: no memo: exponential in rows + cols
# caught by: test 1.18 (TLE)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def min_path_sum(grid):
    rows, cols = len(grid), len(grid[0])

    def go(r, c):  # no memo: exponential in rows + cols
        if r == rows - 1 and c == cols - 1:
            return grid[r][c]
        options = []
        if r + 1 < rows:
            options.append(go(r + 1, c))
        if c + 1 < cols:
            options.append(go(r, c + 1))
        return grid[r][c] + min(options)

    return go(0, 0)
