from rounds.testkit import Call


def examples(level):
    return [
        Call((["11110", "11010", "11000", "00000"],), expected=1, name="one island"),
        Call((["11000", "11000", "00100", "00011"],), expected=3, name="three islands"),
    ]


def _random(rng, rows, cols, p):
    return ["".join("1" if rng.random() < p else "0" for _ in range(cols)) for _ in range(rows)]


def _snake(n):
    rows = []
    for r in range(n):
        if r % 2 == 0:
            rows.append("1" * n)
        elif r % 4 == 1:
            rows.append("0" * (n - 1) + "1")
        else:
            rows.append("1" + "0" * (n - 1))
    return rows


def hidden(level, rng):
    cases = [
        Call(([],), note="an empty grid"),
        Call((["0"],), note="one clear pixel"),
        Call((["1"],), note="one cloudy pixel"),
        Call((["101", "010", "101"],), note="diagonal neighbours are separate islands"),
        Call((["1001", "0000", "1001"],), note="corners do not wrap around"),
        Call((["1", "0", "1"],), note="first and last rows are not adjacent"),
        Call((["111", "101", "111"],), note="a ring around a lake is one island"),
        Call((["101", "101", "111"],), note="a U shape: two arms, one island"),
        Call((["0001", "0001", "0001"],), note="an island in the last column"),
        Call((["11111"],), note="a single row"),
    ]
    for _ in range(10):
        cases.append(Call((_random(rng, rng.randint(1, 12), rng.randint(1, 12), rng.choice([0.3, 0.5, 0.6])),),
                          note="random mask"))
    cases.append(Call((_snake(399),), note="a 399x399 snake-shaped island, 80k cells end to end: a search goes that deep, and "
                      "label propagation needs O(cells) sweeps", cpu_ms=700))
    return cases


expected_complexity = "O(rows * cols)"


def ladder(rng):
    return [(n * n, Call((_random(rng, n, n, 0.55),), cpu_ms=1500)) for n in (100, 141, 200, 283, 400)]
