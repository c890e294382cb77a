from rounds.testkit import Call, floats

checker = floats(atol=1e-9, rtol=0.0)


def examples(level):
    return [
        Call(([5, 15, 1, 3],), expected=[5.0, 10.0, 5.0, 4.0], name="classic"),
        Call(([2, 2, 2],), expected=[2.0, 2.0, 2.0], name="equal values"),
        Call(([],), expected=[], name="no requests"),
    ]


def hidden(level, rng):
    cases = [
        Call(([7],), note="one value"),
        Call(([1, 2],), note="an even count: the mean of the middles"),
        Call(([-3, -4],), note="a negative half"),
        Call(([1, 2, 3, 4, 5, 6],), note="increasing: the larger half keeps growing"),
        Call(([6, 5, 4, 3, 2, 1],), note="decreasing: the smaller half keeps growing"),
        Call(([10, 1, 10, 1, 10, 1],), note="alternating extremes"),
        Call(([5, 100, 1, 2, 3],), note="values below the first median after a large one"),
        Call(([10**6, -10**6, 0, 10**6],), note="extreme values"),
    ]
    for _ in range(10):
        cases.append(Call(([rng.randint(-20, 20) for _ in range(rng.randint(1, 30))],), note="random stream"))
    falling = [10**6 - 5 * i - rng.randint(0, 4) for i in range(200_000)]
    cases.append(Call((falling,), note="200k falling latencies: needs O(log n) per value, "
                      "a sorted list shifts everything on each insert", cpu_ms=1200))
    return cases


expected_complexity = "O(n log n)"


def ladder(rng):
    return [(n, Call(([rng.randint(-10**6, 10**6) for _ in range(n)],), cpu_ms=1500))
            for n in (6250, 12500, 25000, 50000, 100000)]
