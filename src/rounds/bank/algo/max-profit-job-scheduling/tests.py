from rounds.testkit import Call


def examples(level):
    return [
        Call(([1, 2, 3, 3], [3, 4, 5, 6], [50, 10, 40, 70]), expected=120, name="two compatible jobs"),
        Call(([1, 2, 3, 4, 6], [3, 5, 10, 6, 9], [20, 20, 100, 70, 60]), expected=150, name="one long job wins"),
        Call(([1, 1, 1], [2, 3, 4], [5, 6, 4]), expected=6, name="all overlap"),
    ]


def _jobs(rng, n, span, longest, most):
    s = [rng.randint(1, span) for _ in range(n)]
    e = [x + rng.randint(1, longest) for x in s]
    p = [rng.randint(1, most) for _ in range(n)]
    return s, e, p


def hidden(level, rng):
    cases = [
        Call(([], [], []), note="no jobs"),
        Call(([5], [9], [7]), note="one job"),
        Call(([1, 3], [3, 5], [4, 4]), note="a job ending where the next starts: both fit"),
        Call(([1, 2, 4], [3, 4, 6], [5, 1, 5]), note="the earliest-ending chain is not the richest"),
        Call(([1, 2], [10, 3], [5, 1]), note="the longest job pays most"),
        Call(([1, 1, 5, 5], [5, 5, 9, 9], [3, 8, 2, 6]), note="equal intervals: pick the better of each"),
        Call(([1, 2, 3], [10, 3, 4], [10, 6, 6]), note="two small jobs beat the most valuable one"),
        Call(([3, 1, 6], [5, 10, 8], [4, 5, 4]), note="unsorted input: start order is not end order"),
        Call(([1, 10**9 - 1], [10**9 - 1, 10**9], [10**4, 10**4]), note="large times"),
    ]
    for _ in range(12):
        cases.append(Call(_jobs(rng, rng.randint(1, 25), 30, 10, 20), note="random bids"))
    cases.append(Call(_jobs(rng, 50_000, 10**9, 10**8, 10**4),
                      note="50k bids, long overlapping jobs: needs O(n log n)", cpu_ms=1400))
    return cases


expected_complexity = "O(n log n)"


def ladder(rng):
    return [(n, Call(_jobs(rng, n, 10**7, 10**6, 100), cpu_ms=1500)) for n in (2000, 4000, 8000, 16000, 32000)]
