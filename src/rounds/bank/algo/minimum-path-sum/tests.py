from rounds.testkit import Call


def examples(level):
    return [
        Call(([[1, 3, 1], [1, 5, 1], [4, 2, 1]],), expected=7, name="classic"),
        Call(([[1, 2, 3], [4, 5, 6]],), expected=12, name="two rows"),
        Call(([[5]],), expected=5, name="one cell"),
    ]


def _grid(rng, rows, cols, hi):
    return [[rng.randint(0, hi) for _ in range(cols)] for _ in range(rows)]


def hidden(level, rng):
    cases = [
        Call(([[0]],), note="one free cell"),
        Call(([[9, 1, 1, 1]],), note="a single row: the start counts"),
        Call(([[1], [2], [3]],), note="a single column"),
        Call(([[1, 9, 1], [1, 9, 1], [1, 1, 1]],), note="go down first"),
        Call(([[1, 1, 100], [100, 1, 100], [100, 1, 1]],), note="a winding cheap corridor"),
        Call(([[1, 1, 100], [2, 100, 100], [1, 1, 1]],), note="the cheaper first step is a trap"),
        Call(([[1, 2], [3, 4]],), capture_args=True, note="the grid must not be modified"),
    ]
    for _ in range(10):
        cases.append(Call((_grid(rng, rng.randint(1, 8), rng.randint(1, 8), 9),), note="random costs"))
    cases.append(Call((_grid(rng, 16, 16, 9),), note="16 x 16: plain recursion is exponential", cpu_ms=500))
    cases.append(Call((_grid(rng, 500, 500, 1000),), note="500 x 500: needs the O(rows * cols) DP"))
    return cases


expected_complexity = "O(rows * cols)"


def ladder(rng):
    return [(n * n, Call((_grid(rng, n, n, 1000),), cpu_ms=1500)) for n in (125, 177, 250, 354, 500)]
