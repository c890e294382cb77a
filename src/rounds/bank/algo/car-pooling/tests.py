from rounds.testkit import Call


def examples(level):
    return [
        Call(([[2, 1, 5], [3, 3, 7]], 4), expected=False, name="overlap over capacity"),
        Call(([[2, 1, 5], [3, 3, 7]], 5), expected=True, name="exactly full"),
        Call(([[2, 1, 5], [3, 5, 7]], 3), expected=True, name="leave before board"),
    ]


def _trips(rng, n, span, longest, most):
    out = []
    for _ in range(n):
        s = rng.randint(0, span)
        out.append([rng.randint(1, most), s, s + rng.randint(1, longest)])
    return out


def hidden(level, rng):
    cases = [
        Call(([], 1), note="no trips"),
        Call(([[5, 0, 1]], 4), note="one trip over capacity"),
        Call(([[4, 0, 1]], 4), note="one trip exactly at capacity"),
        Call(([[3, 2, 6], [3, 6, 9], [3, 0, 2]], 3), note="back-to-back trips share seats"),
        Call(([[3, 2, 6], [1, 5, 9]], 3), note="one passenger too many for one stop"),
        Call(([[1, 0, 10], [1, 2, 3], [1, 4, 5], [1, 6, 7], [1, 2, 8]], 2),
             note="three trips overlap at once, no neighbouring pair over capacity"),
        Call(([[2, 10**9 - 1, 10**9], [2, 0, 10**9]], 4), note="positions up to 10**9"),
        Call(([[1, 5, 8], [1, 0, 3], [1, 2, 6]], 1), note="unsorted: the second trip overlaps the first"),
        Call(([[2, 1, 4], [2, 1, 4], [2, 4, 6]], 4), note="identical trips"),
    ]
    for _ in range(12):
        trips = _trips(rng, rng.randint(1, 20), 30, 10, 5)
        peak = _peak(trips)
        cases.append(Call((trips, rng.choice([peak, peak - 1, peak + 1]) or 1), note="random day near its peak"))
    big = _trips(rng, 40_000, 10**9, 2 * 10**7, 1000)
    cases.append(Call((big, _peak(big)), note="40k trips at exactly the peak: needs O(n log n)", cpu_ms=1600))
    return cases


def _peak(trips):
    ev = sorted([(s, p) for p, s, _ in trips] + [(e, -p) for p, _, e in trips])
    load = best = 0
    for _, d in ev:
        load += d
        best = max(best, load)
    return best


expected_complexity = "O(n log n)"


def ladder(rng):
    out = []
    for n in (2000, 4000, 8000, 16000, 32000):
        trips = _trips(rng, n, 10**6, 10**4, 10)
        out.append((n, Call((trips, _peak(trips)), cpu_ms=1500)))
    return out
