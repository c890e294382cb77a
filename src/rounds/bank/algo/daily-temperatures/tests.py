from rounds.testkit import Call


def examples(level):
    return [
        Call(([73, 74, 75, 71, 69, 72, 76, 73],), expected=[1, 1, 4, 2, 1, 1, 0, 0], name="classic"),
        Call(([30, 40, 50, 60],), expected=[1, 1, 1, 0], name="rising"),
        Call(([30, 30, 31],), expected=[2, 1, 0], name="equal is not greater"),
    ]


def hidden(level, rng):
    cases = [
        Call(([],), note="an empty series"),
        Call(([5],), note="one day"),
        Call(([9, 8, 7, 6],), note="falling: nobody gets a warmer day"),
        Call(([5, 5, 5, 6],), note="equal days wait for the strictly greater one"),
        Call(([10, 1, 2, 3, 11],), note="the first day waits past several smaller rises"),
        Call(([3, 1, 2, 4],), note="a jump chain that overshoots: the next greater is further"),
        Call(([-10**9, 10**9, -10**9, 0],), note="extreme values"),
    ]
    for _ in range(12):
        cases.append(Call(([rng.randint(0, 6) for _ in range(rng.randint(1, 30))],), note="random series"))
    n = 200_000
    cases.append(Call((list(range(n, 0, -1)) + [n + 1],), note="200k falling days then one peak: needs O(n)",
                      cpu_ms=1500))
    return cases


expected_complexity = "O(n)"


def ladder(rng):
    return [(n, Call(([rng.randint(0, 100) for _ in range(n)],), cpu_ms=1500))
            for n in (12500, 25000, 50000, 100000, 200000)]
