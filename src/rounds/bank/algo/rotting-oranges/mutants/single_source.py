from collections import deque


def oranges_rotting(grid):
    rows, cols = len(grid), len(grid[0])
    state = [row[:] for row in grid]
    fresh = sum(row.count(1) for row in state)
    best = 0
    for r in range(rows):  # a separate BFS from each rotten cell; the first one claims every cell it reaches
        for c in range(cols):
            if grid[r][c] != 2:
                continue
            queue = deque([(r, c, 0)])
            while queue:
                y0, x0, t = queue.popleft()
                for y, x in ((y0 - 1, x0), (y0 + 1, x0), (y0, x0 - 1), (y0, x0 + 1)):
                    if 0 <= y < rows and 0 <= x < cols and state[y][x] == 1:
                        state[y][x] = 2
                        fresh -= 1
                        best = max(best, t + 1)
                        queue.append((y, x, t + 1))
    return best if fresh == 0 else -1
