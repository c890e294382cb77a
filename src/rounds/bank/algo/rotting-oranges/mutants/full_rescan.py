def oranges_rotting(grid):
    rows, cols = len(grid), len(grid[0])
    state = [row[:] for row in grid]
    minutes = 0
    while True:
        turn = [(r, c) for r in range(rows) for c in range(cols) if state[r][c] == 1 and any(
            0 <= y < rows and 0 <= x < cols and state[y][x] == 2
            for y, x in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)))]  # rescans the grid every minute
        if not turn:
            break
        for r, c in turn:
            state[r][c] = 2
        minutes += 1
    return -1 if any(1 in row for row in state) else minutes
