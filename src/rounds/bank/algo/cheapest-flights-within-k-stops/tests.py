from rounds.testkit import Call


def examples(level):
    return [
        Call((4, [[0, 1, 100], [1, 2, 100], [2, 0, 100], [1, 3, 600], [2, 3, 200]], 0, 3, 1), expected=700,
             name="one stop"),
        Call((3, [[0, 1, 100], [1, 2, 100], [0, 2, 500]], 0, 2, 1), expected=200, name="cheaper with a stop"),
        Call((3, [[0, 1, 100], [1, 2, 100], [0, 2, 500]], 0, 2, 0), expected=500, name="no stop allowed"),
    ]


def _graph(rng, n, m, pmax):
    pairs = set()
    while len(pairs) < m:
        u, v = rng.sample(range(n), 2)
        pairs.add((u, v))
    return [[u, v, rng.randint(0, pmax)] for u, v in sorted(pairs)]


def hidden(level, rng):
    cases = [
        Call((2, [], 0, 1, 1), note="no links: -1"),
        Call((2, [[1, 0, 5]], 0, 1, 1), note="links are directed"),
        Call((3, [[0, 1, 1], [1, 2, 1]], 0, 2, 0), note="the only route needs a stop"),
        Call((4, [[0, 1, 1], [1, 2, 1], [2, 3, 1], [0, 3, 10]], 0, 3, 1),
             note="in-place relaxation chains too many links in one round"),
        Call((5, [[0, 1, 5], [1, 2, 5], [0, 3, 2], [3, 1, 2], [1, 4, 1], [2, 4, 1]], 0, 2, 2),
             note="the cheapest way to a stop uses more links than the budget allows later"),
        Call((4, [[0, 1, 1], [1, 2, 1], [0, 2, 5], [2, 3, 1]], 0, 3, 1),
             note="a stop's cheapest route is too long: a pricier, shorter one must be kept"),
        Call((4, [[0, 1, 0], [1, 2, 0], [2, 3, 0]], 0, 3, 2), note="free links"),
        Call((3, [[0, 1, 2], [1, 0, 2], [1, 2, 9]], 0, 2, 2), note="a cycle does not help"),
    ]
    for _ in range(10):
        n = rng.randint(2, 8)
        m = rng.randint(0, n * (n - 1))
        src, dst = rng.sample(range(n), 2)
        cases.append(Call((n, _graph(rng, n, m, 20), src, dst, rng.randint(0, n - 1)), note="random regions"))
    n = 60
    cases.append(Call((n, _graph(rng, n, 1200, 100), 0, n - 1, 12),
                      note="60 dense regions, 12 stops: enumerating routes is exponential", cpu_ms=500))
    n = 100
    cases.append(Call((n, _graph(rng, n, n * (n - 1), 10**4), 3, 97, 99), note="100 regions, every link: O(k E)"))
    return cases


expected_complexity = "O(k E)"


def ladder(rng):
    graph = _graph(rng, 100, 4950, 1000)  # the size is k + 1, the number of relaxation rounds
    return [(k + 1, Call((100, graph, 0, 99, k), cpu_ms=1500)) for k in (6, 12, 24, 49, 99)]
