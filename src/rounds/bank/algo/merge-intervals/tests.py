from rounds.testkit import Call


def examples(level):
    return [
        Call(([[1, 3], [2, 6], [8, 10], [15, 18]],), expected=[[1, 6], [8, 10], [15, 18]], name="classic"),
        Call(([[1, 4], [4, 5]],), expected=[[1, 5]], name="touching"),
        Call(([[4, 7], [1, 4]],), expected=[[1, 7]], name="unsorted"),
    ]


def _random(rng, n, span, longest):
    out = []
    for _ in range(n):
        s = rng.randint(0, span)
        out.append([s, s + rng.randint(0, longest)])
    return out


def hidden(level, rng):
    cases = [
        Call(([],), note="no windows"),
        Call(([[5, 5]],), note="a zero-length window"),
        Call(([[1, 10], [2, 3], [4, 5]],), note="windows inside a longer one"),
        Call(([[1, 2], [3, 4]],), note="adjacent integers do not touch"),
        Call(([[3, 5], [1, 3], [5, 7]],), note="a chain of touching windows, unsorted"),
        Call(([[2, 3], [2, 2], [3, 3], [1, 3]],), note="duplicates and points"),
        Call(([[1, 4], [0, 0]],), note="a point before the first window"),
        Call(([[1, 3], [2, 4]],), capture_args=True, note="the input must not be modified"),
    ]
    for _ in range(10):
        cases.append(Call((_random(rng, rng.randint(1, 15), 30, 6),), note="random windows"))
    cases.append(Call((_random(rng, 30_000, 10**9, 10**4),), note="30k windows: needs O(n log n)", cpu_ms=1200))
    return cases


expected_complexity = "O(n log n)"


def ladder(rng):
    return [(n, Call((_random(rng, n, 10**7, 200),), cpu_ms=1500)) for n in (4000, 8000, 16000, 32000, 64000)]
