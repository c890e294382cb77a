from rounds.testkit import Call


def examples(level):
    return [
        Call(([[1, 2], [1, 3], [2, 3]],), expected=[2, 3], name="a triangle"),
        Call(([[1, 2], [2, 3], [3, 4], [1, 4], [1, 5]],), expected=[1, 4], name="a square with a tail"),
    ]


def _tree_plus_one(rng, n):
    nodes = list(range(1, n + 1))
    rng.shuffle(nodes)
    edges = [[nodes[i], nodes[rng.randrange(i)]] for i in range(1, n)]
    existing = {frozenset(e) for e in edges}
    while True:
        a, b = rng.sample(nodes, 2)
        if frozenset((a, b)) not in existing:
            break
    edges.append([a, b])
    rng.shuffle(edges)
    return [e if rng.random() < 0.5 else e[::-1] for e in edges]


def hidden(level, rng):
    cases = [
        Call(([[3, 1], [2, 3], [1, 2]],), note="the link as written, not sorted"),
        Call(([[1, 4], [3, 4], [1, 3], [1, 2], [4, 5]],), note="the cycle closes before the last link"),
        Call(([[2, 3], [5, 2], [1, 5], [4, 2], [4, 1]],), note="a cycle through nodes seen separately"),
        Call(([[1, 2], [3, 4], [2, 3], [4, 1]],), note="two separate pieces joined, then closed"),
        Call(([[4, 5], [1, 2], [2, 4], [3, 4], [2, 3]],), note="both endpoints seen before they are connected"),
    ]
    for _ in range(12):
        cases.append(Call((_tree_plus_one(rng, rng.randint(3, 15)),), note="random network"))
    n = 50_000
    path = [[i, i + 1] for i in range(1, n)]
    cases.append(Call((path + [[n, 1]],), note="a 50k-node ring: needs union-find, not a search per link",
                      cpu_ms=600))
    return cases


expected_complexity = "O(n α(n))"


def ladder(rng):
    return [(n, Call((_tree_plus_one(rng, n),), cpu_ms=1500)) for n in (6250, 12500, 25000, 50000)]
