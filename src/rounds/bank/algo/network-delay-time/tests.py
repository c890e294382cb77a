from rounds.testkit import Call


def examples(level):
    return [
        Call(([[2, 1, 1], [2, 3, 1], [3, 4, 1]], 4, 2), expected=2, name="a small tree"),
        Call(([[1, 2, 1]], 2, 1), expected=1, name="one link"),
        Call(([[1, 2, 1]], 2, 2), expected=-1, name="links are directed"),
    ]


def _graph(rng, n, m, wmax):
    times = [[i, i + 1, rng.randint(0, wmax)] for i in range(1, n)]  # a path keeps everything reachable
    for _ in range(m):
        times.append([rng.randint(1, n), rng.randint(1, n), rng.randint(0, wmax)])
    rng.shuffle(times)
    return times


def hidden(level, rng):
    cases = [
        Call(([], 1, 1), note="a single server: 0"),
        Call(([[1, 2, 5]], 3, 1), note="an unreachable server: -1"),
        Call(([[1, 2, 10], [1, 3, 1], [3, 2, 1]], 3, 1), note="two hops beat one slow link"),
        Call(([[1, 2, 1], [1, 2, 7], [2, 2, 0]], 2, 1), note="parallel links and a self-loop"),
        Call(([[1, 2, 0], [2, 3, 0]], 3, 1), note="zero-latency links"),
        Call(([[1, 2, 3], [1, 3, 3], [2, 4, 1], [3, 4, 5]], 4, 1),
             note="the last arrival is not the sum of two paths"),
        Call(([[1, 3, 10], [1, 2, 1], [2, 3, 1], [3, 4, 1]], 4, 1),
             note="a server first reached by a slow link, later by a fast path"),
        Call(([[3, 1, 2], [3, 2, 2], [1, 2, 1]], 3, 3), note="the origin is not server 1"),
    ]
    for _ in range(10):
        n = rng.randint(1, 12)
        times = [[rng.randint(1, n), rng.randint(1, n), rng.randint(0, 9)] for _ in range(rng.randint(0, 3 * n))]
        cases.append(Call((times, n, rng.randint(1, n)), note="random network"))
    n = 20_000
    chain = [[i, i + 1, rng.randint(0, 1000)] for i in range(n - 1, 0, -1)]  # listed back to front
    back = [[u, rng.randint(1, u - 1), rng.randint(0, 1000)] for u in (rng.randint(2, n) for _ in range(20_000))]
    cases.append(Call((chain + back, n, 1), note="20k servers in a long chain, 40k links: needs Dijkstra, "
                      "O((V + E) log V), not up to V rounds of relaxation", cpu_ms=600))
    cases.append(Call((_graph(rng, 8000, 24_000, 1000), 8000, 1), note="8k servers, 32k random links"))
    return cases


expected_complexity = "O((V + E) log V)"


def ladder(rng):
    return [(n, Call((_graph(rng, n, 3 * n, 100), n, 1), cpu_ms=1500)) for n in (1000, 2000, 4000, 8000, 16000)]
