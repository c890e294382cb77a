from rounds.testkit import Ops, op


def examples(level):
    return [Ops([op("add", "a", 1), op("get", "a")])]


def hidden(level, rng):
    cases = []
    for _ in range(30):
        ops = []
        for _ in range(40):
            r = rng.random()
            key = rng.choice("abcdefgh")
            if r < 0.5:
                ops.append(op("add", key, rng.randint(1, 9)))
            elif r < 0.8:
                ops.append(op("get", key))
            else:
                ops.append(op("top", rng.randint(1, 4)))
        cases.append(Ops(ops, shrink=True))
    return cases
