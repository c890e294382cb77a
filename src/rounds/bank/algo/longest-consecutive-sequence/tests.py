from rounds.testkit import Call


def examples(level):
    return [
        Call(([100, 4, 200, 1, 3, 2],), expected=4, name="classic"),
        Call(([0, 3, 7, 2, 5, 8, 4, 6, 0, 1],), expected=9, name="with a duplicate"),
        Call(([1, 0, 1, 2],), expected=3, name="duplicate inside the run"),
    ]


def hidden(level, rng):
    cases = [
        Call(([],), note="no activity"),
        Call(([42],), note="one day"),
        Call(([5, 5, 5],), note="only duplicates"),
        Call(([1, 2, 2, 3],), note="a duplicate must not break the streak"),
        Call(([10, 1, 11, 2, 12, 13],), note="the longest streak does not start at the smallest day"),
        Call(([-2, -1, 0, 1],), note="negative day numbers"),
        Call(([10**9, 10**9 - 1, -10**9],), note="extreme values"),
        Call(([3, 2, 1],), note="decreasing input"),
    ]
    for _ in range(10):
        cases.append(Call(([rng.randint(-15, 15) for _ in range(rng.randint(1, 25))],), note="random days"))
    n = 200_000
    streak = list(range(n))
    rng.shuffle(streak)
    cases.append(Call((streak,), note="one 200k-day streak, shuffled: count each run once, from its start",
                      cpu_ms=1200))
    return cases


expected_complexity = "O(n)"


def ladder(rng):
    return [(n, Call(([rng.randint(0, n) for _ in range(n)],), cpu_ms=1500)) for n in (12500, 25000, 50000, 100000, 200000)]
