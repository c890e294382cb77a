from rounds.testkit import Call


def examples(level):
    return [
        Call(([1, 1, 1], 2), expected=2, name="classic"),
        Call(([1, 2, 3], 3), expected=2, name="two windows"),
        Call(([1, -1, 0], 0), expected=3, name="zero target"),
    ]


def hidden(level, rng):
    cases = [
        Call(([5], 5), note="a single entry equal to k"),
        Call(([5], 0), note="no empty subarray: 0"),
        Call(([0, 0, 0], 0), note="every window of zeros counts"),
        Call(([3, 4, 7, -2, 2, 1, 4, 2], 7), note="the prefix sum 0 repeats: count every earlier copy"),
        Call(([-1, -1, 1], 0), note="negative values"),
        Call(([1, 2, 1, 2, 1], 3), note="overlapping windows"),
        Call(([2, -2, 2, -2], 0), note="the same prefix many times"),
        Call(([-1000] * 5, -3000), note="a negative target"),
    ]
    for _ in range(10):
        nums = [rng.randint(-3, 3) for _ in range(rng.randint(1, 30))]
        cases.append(Call((nums, rng.randint(-4, 4)), note="random ledger"))
    nums = [rng.randint(-1000, 1000) for _ in range(200_000)]
    cases.append(Call((nums, 0), note="200k entries: needs O(n) prefix sums", cpu_ms=1200))
    return cases


expected_complexity = "O(n)"


def ladder(rng):
    return [(n, Call(([rng.randint(-1000, 1000) for _ in range(n)], 17), cpu_ms=1500))
            for n in (12500, 25000, 50000, 100000, 200000)]
