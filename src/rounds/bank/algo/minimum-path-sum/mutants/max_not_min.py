def min_path_sum(grid: list[list[int]]) -> int:
    best = [0] * len(grid[0])  # best[c]: cheapest path to (current row, c)
    for r, row in enumerate(grid):
        for c, cost in enumerate(row):
            if r == 0 and c == 0:
                best[c] = cost
            elif r == 0:
                best[c] = best[c - 1] + cost
            elif c == 0:
                best[c] = best[c] + cost
            else:
                best[c] = max(best[c], best[c - 1]) + cost  # the dearer neighbour
    return best[-1]
