def num_islands(grid: list[str]) -> int:
    rows = len(grid)
    cols = len(grid[0]) if rows else 0
    seen = [[c == "0" for c in row] for row in grid]
    count = 0
    for r in range(rows):
        for c in range(cols):
            if seen[r][c]:
                continue
            count += 1
            seen[r][c] = True
            stack = [(r, c)]
            while stack:
                y, x = stack.pop()
                for ny, nx in ((y + dy, x + dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)):  # 8 neighbours
                    if 0 <= ny < rows and 0 <= nx < cols and not seen[ny][nx]:
                        seen[ny][nx] = True
                        stack.append((ny, nx))
    return count
