def oranges_rotting(grid):
    rows, cols = len(grid), len(grid[0])
    state = [row[:] for row in grid]
    minutes = 0
    while True:
        changed = False
        for r in range(rows):  # turns cells during the sweep: one minute can spread many steps
            for c in range(cols):
                if state[r][c] == 1 and any(
                    0 <= y < rows and 0 <= x < cols and state[y][x] == 2
                    for y, x in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1))
                ):
                    state[r][c] = 2
                    changed = True
        if not changed:
            break
        minutes += 1
    return -1 if any(1 in row for row in state) else minutes
