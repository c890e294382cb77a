from rounds.testkit import Call


def examples(level):
    return [
        Call(([3, 2, 1, 5, 6, 4], 2), expected=5, name="classic"),
        Call(([3, 2, 3, 1, 2, 4, 5, 5, 6], 4), expected=4, name="duplicates count"),
        Call(([7], 1), expected=7, name="one value"),
    ]


def hidden(level, rng):
    cases = [
        Call(([3, 3, 1], 2), note="a duplicate is the second largest"),
        Call(([5, 1, 4], 3), note="k = n: the smallest"),
        Call(([5, 1, 4], 1), note="k = 1: the largest"),
        Call(([2, 2, 2, 2], 3), note="all equal"),
        Call(([-5, -1, -3], 2), note="negative values"),
        Call(([10**9, -10**9, 0], 2), note="extreme values"),
        Call(([4, 1, 3, 2], 2), capture_args=True, note="the input must not be modified"),
    ]
    for _ in range(10):
        nums = [rng.randint(-10, 10) for _ in range(rng.randint(1, 30))]
        cases.append(Call((nums, rng.randint(1, len(nums))), note="random amounts"))
    n = 200_000
    cases.append(Call((list(range(n)), n // 2), note="200k amounts already sorted: a fixed pivot makes "
                      "quickselect quadratic"))
    cases.append(Call(([rng.randint(-10**9, 10**9) for _ in range(n)], 2000), note="200k amounts, k = 2000"))
    return cases


expected_complexity = "O(n log k)"


def ladder(rng):
    return [(n, Call(([rng.randint(0, 10**9) for _ in range(n)], n // 4), cpu_ms=1500))
            for n in (25000, 50000, 100000, 200000)]
