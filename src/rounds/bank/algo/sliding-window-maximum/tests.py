from rounds.testkit import Call

inputs_unchanged = True  # the contract: the call leaves its arguments as they were


def examples(level):
    return [
        Call(([1, 3, -1, -3, 5, 3, 6, 7], 3), expected=[3, 3, 5, 5, 6, 7], name="classic"),
        Call(([4, 2], 2), expected=[4], name="one window"),
        Call(([9, 1, 8], 1), expected=[9, 1, 8], name="k = 1"),
    ]


def hidden(level, rng):
    cases = [
        Call(([5], 1), note="a single sample"),
        Call(([2, 7, 1, 8, 2, 8], 6), note="k = len(nums): one window"),
        Call(([3, 1, 2, 0, -1], 1), note="k = 1: every sample is its own window"),
        Call(([9, 8, 7, 6, 5, 4, 3], 3), note="decreasing: the maximum leaves the window every step"),
        Call(([1, 2, 3, 4, 5, 6], 2), note="increasing"),
        Call(([4, 4, 4, 1, 1, 1], 3), note="the maximum repeats at the window's left edge"),
        Call(([7, 2, 7, 1, 1, 0, 0], 3), note="a repeated maximum: evicting by value drops the wrong copy"),
        Call(([1, 9, 2, 3, 4, 5], 4), note="the maximum sits at the window's second slot when the first one leaves"),
        Call(([-10**9, -5, -10**9, -7], 2), note="negative values"),
        Call(([10, 1, 1, 1, 1, 2], 5), note="the last window, after the old maximum left"),
    ]
    for _ in range(12):
        n = rng.randint(1, 50)
        nums = [rng.randint(-6, 6) for _ in range(n)]
        cases.append(Call((nums, rng.randint(1, n)), note="random small series"))
    big = [rng.randint(-10**9, 10**9) for _ in range(200_000)]
    cases.append(Call((big, 5_000), note="200k samples, k = 5000: needs O(n), not O(n * k)", cpu_ms=1500))
    falling = list(range(200_000, 0, -1))
    cases.append(Call((falling, 50_000), note="200k decreasing samples, k = 50k: needs O(n)", cpu_ms=1500))
    return cases


expected_complexity = "O(n)"


def ladder(rng):
    out = []
    for n in (8000, 16000, 32000, 64000, 128000):
        out.append((n, Call(([rng.randint(-10**6, 10**6) for _ in range(n)], n // 4), cpu_ms=1500)))
    return out
