from rounds.testkit import Call


def examples(level):
    return [
        Call(([10, 9, 2, 5, 3, 7, 101, 18],), expected=4, name="classic"),
        Call(([0, 1, 0, 3, 2, 3],), expected=4, name="skipping elements"),
        Call(([7, 7, 7, 7],), expected=1, name="equal values"),
    ]


def hidden(level, rng):
    cases = [
        Call(([],), note="no checkpoints: 0"),
        Call(([5],), note="one checkpoint"),
        Call(([1, 2, 2, 3],), note="strictly increasing: a repeated value does not count twice"),
        Call(([9, 1, 2, 3],), note="a better chain starts after the first element"),
        Call(([1, 5, 2, 3, 4, 0],), note="the longest chain does not end at the last element"),
        Call(([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5],), note="digits of pi"),
        Call(([-10**9, 10**9, -5, 0, 5],), note="extreme values"),
        Call((list(range(10, 0, -1)),), note="decreasing"),
    ]
    for _ in range(10):
        cases.append(Call(([rng.randint(-5, 5) for _ in range(rng.randint(1, 30))],), note="random scores"))
    big = [rng.randint(-10**9, 10**9) for _ in range(100_000)]
    cases.append(Call((big,), note="100k checkpoints: needs O(n log n), not the O(n^2) DP", cpu_ms=600))
    return cases


expected_complexity = "O(n log n)"


def ladder(rng):
    return [(n, Call(([rng.randint(0, 10**9) for _ in range(n)],), cpu_ms=1500))
            for n in (12500, 25000, 50000, 100000)]
