from rounds.testkit import Call


def examples(level):
    return [
        Call(([[2, 9, 10], [3, 7, 15], [5, 12, 12], [15, 20, 10], [19, 24, 8]],),
             expected=[[2, 10], [3, 15], [7, 12], [12, 0], [15, 10], [20, 8], [24, 0]], name="classic"),
        Call(([[0, 2, 3], [2, 5, 3]],), expected=[[0, 3], [5, 0]], name="touching equal heights merge"),
    ]


def _random(rng, n, span, widest, tallest):
    out = []
    for _ in range(n):
        left = rng.randint(0, span)
        out.append([left, left + rng.randint(1, widest), rng.randint(1, tallest)])
    return out


def hidden(level, rng):
    cases = [
        Call(([],), note="no buildings: []"),
        Call(([[1, 2, 1]],), note="one building"),
        Call(([[1, 5, 3], [1, 5, 3]],), note="identical buildings"),
        Call(([[0, 5, 3], [5, 10, 7]],), note="a taller building starting where another ends"),
        Call(([[0, 5, 7], [5, 10, 3]],), note="a lower building starting where a taller one ends"),
        Call(([[1, 10, 2], [1, 3, 5], [1, 7, 4]],), note="several buildings with the same left edge"),
        Call(([[1, 4, 5], [2, 4, 9], [3, 4, 1]],), note="several buildings with the same right edge"),
        Call(([[0, 10, 5], [2, 4, 3], [6, 8, 2]],), note="buildings hidden inside a taller one"),
        Call(([[0, 2, 3], [2, 4, 3], [4, 6, 3]],), note="a flat run of touching buildings: one point"),
        Call(([[0, 2147483647, 2147483647]],), note="the largest coordinates"),
        Call(([[5, 8, 2], [0, 3, 4]],), note="unsorted input with a gap at ground level"),
    ]
    for _ in range(10):
        cases.append(Call((_random(rng, rng.randint(1, 15), 30, 10, 6),), note="random small city"))
    big = _random(rng, 30_000, 10**9, 10**7, 10**6)
    cases.append(Call((big,), note="30k buildings: needs O(n log n)", cpu_ms=1800))
    n = 20_000
    nested = [[i, 2 * n - i, rng.randint(1, 10**6)] for i in range(n)]
    rng.shuffle(nested)
    cases.append(Call((nested,), note="20k nested buildings, all standing at once: needs O(log n) per edge",
                      cpu_ms=900))
    return cases


expected_complexity = "O(n log n)"


def ladder(rng):
    return [(n, Call((_random(rng, n, 10**6, 10**4, 1000),), cpu_ms=1500)) for n in (2000, 4000, 8000, 16000)]
