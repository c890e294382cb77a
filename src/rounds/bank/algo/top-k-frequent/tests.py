from rounds.testkit import Call

inputs_unchanged = True  # the contract: the call leaves its arguments as they were


def examples(level):
    return [
        Call(([1, 1, 1, 2, 2, 3], 2), expected=[1, 2], name="two hottest"),
        Call(([4, 4, 7, 7, 5], 3), expected=[4, 7, 5], name="tie: smaller value first"),
        Call(([-1], 1), expected=[-1], name="single query"),
    ]


def _zipf(rng, n, distinct):
    # a few hot ids and a long tail, as in a real query log
    weights = [1.0 / (r + 1) for r in range(distinct)]
    ids = rng.sample(range(-10**9, 10**9), distinct)
    return rng.choices(ids, weights=weights, k=n)


def hidden(level, rng):
    cases = [
        Call(([7], 1), note="one element"),
        Call(([5, 3, 9, 1], 2), note="all counts equal: the smallest values win"),
        Call(([5, 3, 9, 1], 4), note="k equals the number of distinct values"),
        Call(([2, 2, 1, 1, 3], 2), note="tie for first place"),
        Call(([3, 3, 1, 1, 2, 2, 4], 2), note="tie across the k boundary: order by value"),
        Call(([9, 9, 9, 8, 8, 7, 7, 7, 7], 1), note="the hottest id appears last"),
        Call(([-5, -5, 0, 0, 0, 10**9, -10**9, -10**9], 3), note="negative and extreme ids"),
        Call(([6, 5, 5, 6, 4, 4, 6, 5], 2), note="first-seen order differs from value order"),
    ]
    for _ in range(10):
        n = rng.randint(1, 60)
        nums = [rng.randint(-8, 8) for _ in range(n)]
        k = rng.randint(1, len(set(nums)))
        cases.append(Call((nums, k), note="random small log"))
    big = _zipf(rng, 200_000, 120_000)
    cases.append(Call((big, 50), note="200k queries, ~90k distinct ids: needs O(n log n), not a scan per id",
                      cpu_ms=700))
    return cases


expected_complexity = "O(n log n)"


def ladder(rng):
    out = []
    for n in (12500, 25000, 50000, 100000, 200000):
        out.append((n, Call(([rng.randrange(n // 2) for _ in range(n)], 10), cpu_ms=800)))
    return out
