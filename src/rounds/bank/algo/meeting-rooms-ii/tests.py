from rounds.testkit import Call

inputs_unchanged = True  # the contract: the call leaves its arguments as they were


def examples(level):
    return [
        Call(([[0, 30], [5, 10], [15, 20]],), expected=2, name="one long meeting"),
        Call(([[7, 10], [2, 4]],), expected=1, name="no overlap, unsorted"),
        Call(([[1, 5], [5, 8]],), expected=1, name="back to back: half-open"),
    ]


def _random(rng, n, span, longest):
    out = []
    for _ in range(n):
        s = rng.randint(0, span)
        out.append([s, s + rng.randint(1, longest)])
    return out


def hidden(level, rng):
    cases = [
        Call(([],), note="no meetings: 0 rooms"),
        Call(([[3, 4]],), note="one meeting"),
        Call(([[1, 3], [3, 6], [6, 9], [9, 10]],), note="a chain of back-to-back meetings"),
        Call(([[2, 5], [2, 5], [2, 5]],), note="identical meetings"),
        Call(([[0, 100], [10, 20], [30, 40], [50, 60], [15, 35]],), note="a long meeting overlapping several"),
        Call(([[5, 10], [0, 5], [10, 15], [0, 15]],), note="unsorted input with touching ends"),
        Call(([[1, 10], [2, 3], [4, 5], [6, 7], [2, 9]],), note="rooms freed and reused"),
        Call(([[0, 10**9], [10**9 - 1, 10**9]],), note="extreme times"),
    ]
    for _ in range(12):
        cases.append(Call((_random(rng, rng.randint(1, 30), 40, 12),), note="random small day"))
    big = _random(rng, 50_000, 10**9, 2 * 10**7)
    cases.append(Call((big,), note="50k meetings: needs O(n log n), not a scan per meeting", cpu_ms=1500))
    return cases


expected_complexity = "O(n log n)"


def ladder(rng):
    return [(n, Call((_random(rng, n, 10**6, 10**4),), cpu_ms=1500)) for n in (2000, 4000, 8000, 16000, 32000)]
