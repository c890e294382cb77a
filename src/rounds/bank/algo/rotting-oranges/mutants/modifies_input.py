def oranges_rotting(grid: list[list[int]]) -> int:
    rows, cols = len(grid), len(grid[0])
    state = grid  # spreads in the caller's grid
    frontier = [(r, c) for r in range(rows) for c in range(cols) if state[r][c] == 2]
    fresh = sum(row.count(1) for row in state)
    minutes = 0
    while frontier and fresh:
        nxt = []
        for r, c in frontier:
            for y, x in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
                if 0 <= y < rows and 0 <= x < cols and state[y][x] == 1:
                    state[y][x] = 2
                    fresh -= 1
                    nxt.append((y, x))
        frontier = nxt
        minutes += 1
    return minutes if fresh == 0 else -1
