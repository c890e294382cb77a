from rounds.testkit import Call


def examples(level):
    return [
        Call(([[1, 2], [2, 4], [3, 2], [4, 1]],), expected=[0, 2, 3, 1], name="arrivals while busy"),
        Call(([[7, 10], [7, 12], [7, 5], [7, 4], [7, 2]],), expected=[4, 3, 2, 0, 1], name="all at once"),
    ]


def hidden(level, rng):
    cases = [
        Call(([],), note="no jobs"),
        Call(([[5, 3]],), note="one job"),
        Call(([[1, 3], [1, 3], [1, 3]],), note="identical jobs: by index"),
        Call(([[3, 2], [1, 2], [1, 2]],), note="equal durations: index order, not arrival order"),
        Call(([[1, 5], [6, 1], [6, 3], [2, 10]],), note="a job arriving exactly when the worker frees up"),
        Call(([[10, 1], [1, 1], [20, 5], [20, 2]],), note="idle gaps between arrivals"),
        Call(([[5, 4], [5, 2], [1, 1], [100, 1]],), note="after an idle gap, pick the shortest of the arrivals"),
        Call(([[1, 100], [2, 1], [3, 1], [4, 1]],), note="a long job blocks; short ones wait"),
        Call(([[10**9, 10**9], [1, 10**9]],), note="large times"),
    ]
    for _ in range(12):
        n = rng.randint(1, 25)
        cases.append(Call(([[rng.randint(1, 20), rng.randint(1, 6)] for _ in range(n)],), note="random day"))
    big = [[rng.randint(1, 10**6), rng.randint(1, 10)] for _ in range(60_000)]
    cases.append(Call((big,), note="60k jobs, most waiting at once: needs O(n log n)", cpu_ms=1800))
    return cases


expected_complexity = "O(n log n)"


def ladder(rng):
    out = []
    for n in (2000, 4000, 8000, 16000, 32000):
        out.append((n, Call(([[rng.randint(1, 10 * n), rng.randint(1, 20)] for _ in range(n)],), cpu_ms=1500)))
    return out
