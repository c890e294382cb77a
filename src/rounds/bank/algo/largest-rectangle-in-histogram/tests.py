from rounds.testkit import Call


def examples(level):
    return [
        Call(([2, 1, 5, 6, 2, 3],), expected=10, name="classic"),
        Call(([2, 4],), expected=4, name="two bars"),
        Call(([],), expected=0, name="no bars"),
    ]


def hidden(level, rng):
    cases = [
        Call(([0, 0],), note="all zero"),
        Call(([7],), note="one bar"),
        Call(([3, 3, 3, 3],), note="equal bars: the full width"),
        Call(([1, 2, 3, 4, 5],), note="rising: the stack is flushed at the end"),
        Call(([5, 4, 3, 2, 1],), note="falling"),
        Call(([2, 1, 2],), note="the lowest bar spans everything"),
        Call(([4, 2, 0, 3, 2, 5],), note="a zero splits the chart"),
        Call(([2, 4, 4, 2],), note="equal tall bars in the middle"),
        Call(([6, 7, 5, 2, 4, 5, 9, 3],), note="a wide middle-height rectangle"),
        Call(([1, 3, 2, 1, 2],), note="widths across popped taller bars"),
    ]
    for _ in range(10):
        cases.append(Call(([rng.randint(0, 8) for _ in range(rng.randint(1, 25))],), note="random forecast"))
    n = 200_000
    cases.append(Call(([rng.randint(0, 10**4) for _ in range(n)],), note="200k hours: needs O(n)", cpu_ms=1500))
    cases.append(Call(([10**4] * 100_000,), note="100k equal bars: expanding around each bar is O(n^2)",
                      cpu_ms=1500))
    return cases


expected_complexity = "O(n)"


def ladder(rng):
    return [(n, Call(([rng.randint(0, 10**4) for _ in range(n)],), cpu_ms=1500))
            for n in (12500, 25000, 50000, 100000, 200000)]
