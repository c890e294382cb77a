from rounds.testkit import Call, any_valid


def _valid(args, actual, reference):
    tasks, deps = args
    if reference is None:
        return None if actual is None else "the dependencies contain a cycle, so the answer is None"
    if actual is None:
        return "returned None but a valid order exists"
    if not isinstance(actual, list):
        return f"returned {type(actual).__name__}, expected a list of names"
    if len(actual) != len(tasks) or set(actual) != set(tasks):
        return f"the order must list each of the {len(tasks)} tasks exactly once"
    pos = {t: i for i, t in enumerate(actual)}
    for a, b in deps:
        if pos[a] > pos[b]:
            return f"{b!r} runs before {a!r}, but the pair [{a!r}, {b!r}] means {a!r} first"
    return None


checker = any_valid(_valid)


def examples(level):
    return [
        Call((["stg_users", "stg_orders", "orders_by_user"],
              [["stg_users", "orders_by_user"], ["stg_orders", "orders_by_user"]]), name="two sources, one model"),
        Call((["a", "b"], [["a", "b"], ["b", "a"]]), name="a cycle"),
    ]


def _dag(rng, n, m):
    names = [f"m{i:05d}" for i in range(n)]
    order = names[:]
    rng.shuffle(order)
    deps = []
    for _ in range(m):
        i, j = sorted(rng.sample(range(n), 2))
        deps.append([order[i], order[j]])
    return names, deps


def hidden(level, rng):
    cases = [
        Call(([], []), note="an empty project"),
        Call((["only"], []), note="one model"),
        Call((["c", "b", "a"], []), note="no dependencies: any order"),
        Call((["x", "y"], [["y", "x"]]), note="the pair's order: y before x"),
        Call((["a", "b", "c"], [["a", "a"]]), note="a self-dependency is a cycle"),
        Call((["a", "b", "c"], [["a", "b"], ["a", "b"], ["b", "c"]]), note="a repeated pair"),
        Call((["a", "b", "c", "d", "e"], [["a", "b"], ["b", "c"], ["c", "a"], ["d", "e"]]),
             note="a cycle in one part of the graph only"),
        Call((["lonely", "a", "b"], [["a", "b"]]), note="a task in no pair must still be scheduled"),
        Call((["a", "b", "c", "d"], [["a", "b"], ["b", "d"], ["a", "c"], ["c", "d"], ["d", "b"]]),
             note="a cycle reachable only through a diamond"),
    ]
    for _ in range(8):
        n = rng.randint(2, 25)
        names, deps = _dag(rng, n, rng.randint(0, 2 * n))
        if rng.random() < 0.3 and deps:
            a, b = rng.choice(deps)
            deps.append([b, a])
        cases.append(Call((names, deps), note="random project"))
    names = [f"m{i:05d}" for i in range(50_000)]
    root = names[0]
    deps = [[root, t] for t in names[1:]]  # one source feeding every model: 50k ready at once
    cases.append(Call((names[::-1], deps), note="50k models fed by one source: needs O(V + E)", cpu_ms=1200))
    return cases


expected_complexity = "O(V + E)"


def ladder(rng):
    return [(n, Call(_dag(rng, n, 2 * n), cpu_ms=1500)) for n in (2000, 4000, 8000, 16000)]
