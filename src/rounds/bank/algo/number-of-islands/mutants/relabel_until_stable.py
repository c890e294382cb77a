# trap: a 400x400 snake-shaped island: recursion overflows, and label propagation needs O(cells)
#   sweeps
# models: relabel until stable: propagates the smallest label one step per sweep: O(cells * island
#   diameter)
# caught by: test 1.21 (TLE)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def num_islands(grid):
    rows = len(grid)
    cols = len(grid[0]) if rows else 0
    label = {(r, c): r * cols + c for r in range(rows) for c in range(cols) if grid[r][c] == "1"}
    changed = True
    while changed:  # propagates the smallest label one step per sweep: O(cells * island diameter)
        changed = False
        for (r, c), v in list(label.items()):
            for n in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
                if n in label and label[n] < v:
                    v = label[n]
            if v < label[(r, c)]:
                label[(r, c)] = v
                changed = True
    return len(set(label.values()))
