from rounds.testkit import Call


def examples(level):
    return [
        Call(([[2, 1, 1], [1, 1, 0], [0, 1, 1]],), expected=4, name="classic"),
        Call(([[2, 1, 1], [0, 1, 1], [1, 0, 1]],), expected=-1, name="an unreachable rack"),
        Call(([[0, 2]],), expected=0, name="nothing healthy"),
    ]


def _grid(rng, rows, cols):
    return [[rng.choice([0, 1, 1, 1, 2]) if rng.random() < 0.9 else 0 for _ in range(cols)] for _ in range(rows)]


def _serpent(n):
    g = [[1] * n for _ in range(n)]
    for r in range(1, n, 2):
        for c in range(n):
            g[r][c] = 0
        g[r][n - 1 if r % 4 == 1 else 0] = 1
    g[0][0] = 2
    return g


def hidden(level, rng):
    cases = [
        Call(([[0]],), note="one empty slot: 0"),
        Call(([[1]],), note="one healthy rack and nothing broken: -1"),
        Call(([[2]],), note="one broken rack: 0"),
        Call(([[2, 1, 1, 1, 1]],), note="a row: one minute per step"),
        Call(([[2, 1, 1, 1, 2]],), note="two sources meet in the middle"),
        Call(([[1, 0, 2]],), note="an empty slot blocks the spread"),
        Call(([[2, 0], [0, 1]],), note="diagonals do not spread"),
        Call(([[1, 1, 1], [1, 2, 1], [1, 1, 1]],), note="spreads in all four directions"),
        Call(([[2, 1], [1, 1]],), capture_args=True, note="the grid must not be modified"),
    ]
    for _ in range(10):
        cases.append(Call((_grid(rng, rng.randint(1, 8), rng.randint(1, 8)),), note="random racks"))
    cases.append(Call((_serpent(121),), note="a 121 x 121 serpentine corridor: the spread takes thousands of "
                      "minutes; rescanning the grid every minute is too slow", cpu_ms=600))
    return cases


expected_complexity = "O(rows * cols)"


def ladder(rng):
    return [(n * n, Call((_grid(rng, n, n),), cpu_ms=1500)) for n in (75, 106, 150, 212, 300)]
