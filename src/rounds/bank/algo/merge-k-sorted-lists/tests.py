from rounds.testkit import Call

inputs_unchanged = True  # the contract: the call leaves its arguments as they were


def examples(level):
    return [
        Call(([[1, 4, 5], [1, 3, 4], [2, 6]],), expected=[1, 1, 2, 3, 4, 4, 5, 6], name="classic"),
        Call(([],), expected=[], name="no lists"),
        Call(([[], [0]],), expected=[0], name="an empty list among others"),
    ]


def _runs(rng, k, total, lo, hi):
    values = [rng.randint(lo, hi) for _ in range(total)]
    cuts = sorted(rng.randint(0, total) for _ in range(k - 1))
    runs = [sorted(values[a:b]) for a, b in zip([0] + cuts, cuts + [total])]
    return runs


def hidden(level, rng):
    cases = [
        Call(([[]],), note="one empty list"),
        Call(([[], [], []],), note="only empty lists"),
        Call(([[5, 5, 5], [5]],), note="duplicates inside and across lists"),
        Call(([[1, 2, 3], [], [4]],), note="an empty list in the middle"),
        Call(([[1], [2, 3, 4, 5, 6]],), note="lists of very different lengths"),
        Call(([[-10**9, 0], [10**9]],), note="extreme values"),
        Call(([[3, 4], [1, 2]],), note="the second list comes first"),
    ]
    for _ in range(12):
        cases.append(Call((_runs(rng, rng.randint(1, 6), rng.randint(0, 25), -5, 5),), note="random runs"))
    cases.append(Call((_runs(rng, 4_000, 40_000, -10**9, 10**9),),
                      note="4k runs, 40k values: needs O(N log k), not merging one run at a time", cpu_ms=1000))
    return cases


expected_complexity = "O(N log k)"


def ladder(rng):
    return [(n, Call((_runs(rng, n // 10, n, 0, 10**9),), cpu_ms=1500)) for n in (6250, 12500, 25000, 50000, 100000)]
