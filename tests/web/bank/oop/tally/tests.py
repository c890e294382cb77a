from rounds.testkit import Ops, op


def examples(level):
    if level == 1:
        return [Ops([op("add", "a", 2), op("add", "a", 3), op("get", "a"), op("get", "b")], name="add then get")]
    return [Ops([op("add", "a", 2), op("remove", "a", 1), op("remove", "a", 5), op("get", "a")], name="remove")]


def hidden(level, rng):
    cases = [Ops([op("get", "missing")], note="a key never added counts 0"),
             Ops([op("add", "k", 1), op("add", "k", 1), op("get", "k")], note="counts accumulate")]
    methods = ["add", "get"] + (["remove"] if level == 2 else [])
    for _ in range(3):
        ops = []
        for _ in range(12):
            m = rng.choice(methods)
            key = rng.choice("xyz")
            ops.append(op(m, key) if m == "get" else op(m, key, rng.randint(1, 5)))
        cases.append(Ops(ops, shrink=True, note="random operations"))
    return cases
