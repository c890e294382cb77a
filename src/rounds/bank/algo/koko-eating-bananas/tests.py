from rounds.testkit import Call


def examples(level):
    return [
        Call(([3, 6, 7, 11], 8), expected=4, name="classic"),
        Call(([30, 11, 23, 4, 20], 5), expected=30, name="one hour per partition"),
        Call(([30, 11, 23, 4, 20], 6), expected=23, name="one spare hour"),
    ]


def hidden(level, rng):
    cases = [
        Call(([1], 1), note="one tiny partition"),
        Call(([10**9], 1), note="the answer is the largest partition"),
        Call(([10**9], 10**9), note="a huge deadline: rate 1"),
        Call(([5, 5, 5], 3), note="as many hours as partitions"),
        Call(([7, 7], 4), note="finishing exactly at the deadline"),
        Call(([2, 2, 2, 2, 100], 6), note="the average rate is far too low"),
        Call(([999999999, 999999998], 3), note="ceil near float precision limits"),
        Call(([312884470], 312884469), note="just one hour short of rate 1"),
    ]
    for _ in range(10):
        piles = [rng.randint(1, 50) for _ in range(rng.randint(1, 8))]
        cases.append(Call((piles, rng.randint(len(piles), 3 * len(piles) + 5)), note="random backfill"))
    piles = [rng.randint(10**8, 10**9) for _ in range(10_000)]
    cases.append(Call((piles, 10_500), note="10k partitions up to 10^9 rows: needs a binary search on the rate",
                      cpu_ms=600))
    return cases


expected_complexity = "O(n log max)"


def ladder(rng):
    out = []
    for n in (1250, 2500, 5000, 10000):
        piles = [rng.randint(1, 10**9) for _ in range(n)]
        out.append((n, Call((piles, 2 * n), cpu_ms=1500)))
    return out
