from rounds.testkit import Call


def examples(level):
    return [
        Call(([7, 2, 5, 10, 8], 2), expected=18, name="classic"),
        Call(([1, 2, 3, 4, 5], 2), expected=9, name="five layers, two GPUs"),
        Call(([1, 4, 4], 3), expected=4, name="one layer per GPU"),
    ]


def hidden(level, rng):
    cases = [
        Call(([5], 1), note="one layer, one GPU"),
        Call(([3, 1, 4], 1), note="one GPU takes everything"),
        Call(([0, 0, 0], 2), note="zero-cost layers"),
        Call(([10, 1, 1, 1], 2), note="the heaviest layer alone sets the answer"),
        Call(([2, 3, 5, 5], 2), note="a part that exactly reaches the cap"),
        Call(([1, 1, 1, 1, 1, 1, 1, 10], 3), note="balancing around one heavy layer at the end"),
        Call(([4, 4, 4, 4], 3), note="fewer parts at the optimum cap can still be split into k"),
        Call(([10**6] * 10, 10), note="large costs, one per GPU"),
    ]
    for _ in range(10):
        nums = [rng.randint(0, 20) for _ in range(rng.randint(1, 12))]
        cases.append(Call((nums, rng.randint(1, len(nums))), note="random model"))
    nums = [rng.randint(0, 10**6) for _ in range(100_000)]
    cases.append(Call((nums, 50), note="100k layers on 50 GPUs: needs the binary search, not the O(k n^2) DP"))
    return cases


expected_complexity = "O(n log sum)"


def ladder(rng):
    return [(n, Call(([rng.randint(0, 10**6) for _ in range(n)], 8), cpu_ms=1500))
            for n in (6250, 12500, 25000, 50000)]
