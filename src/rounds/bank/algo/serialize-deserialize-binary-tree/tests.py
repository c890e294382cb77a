from rounds.testkit import Call, custom


def _check(actual, expected, args):
    (level,) = args
    if not isinstance(actual, list) or len(actual) != 2:
        return "roundtrip must return [data, rebuilt]: keep the starter's roundtrip"
    data, rebuilt = actual
    if not isinstance(data, str):
        return f"serialize returned {type(data).__name__}, expected str"
    nodes = sum(v is not None for v in level)
    if len(data) > 16 * (nodes + 1):
        return f"the serialised form has {len(data)} characters for {nodes} nodes: it must stay linear in the tree"
    if rebuilt != level:
        return "deserialize(serialize(tree)) is not the same tree (shape or values differ)"
    return None


checker = custom(_check)


def examples(level):
    return [
        Call(([1, 2, 3, None, None, 4, 5],), name="a small tree"),
        Call(([],), name="the empty tree"),
    ]


def _random_tree(rng, n, lo, hi):
    if n == 0:
        return []
    level, slots = [rng.randint(lo, hi)], 2
    made = 1
    while made < n:
        if rng.random() < 0.7:
            level.append(rng.randint(lo, hi))
            made += 1
            slots += 1
        else:
            level.append(None)
            slots -= 1
            if slots == 0:
                break
    while level and level[-1] is None:
        level.pop()
    return level


def _chain(n, side):
    level = [0]
    for i in range(1, n):
        level += [i, None] if side == "left" else [None, i]
    while level[-1] is None:
        level.pop()
    return level


def hidden(level, rng):
    cases = [
        Call(([7],), note="a single node"),
        Call(([1, None, 2],), note="only a right child"),
        Call(([1, 2],), note="only a left child"),
        Call(([-5, 12, -300],), note="negative and multi-digit values"),
        Call(([1, 1, 1, None, 1, 1],), note="repeated values"),
        Call(([10**9, -10**9],), note="extreme values"),
        Call(([1, 2, 3, 4, None, None, 5, None, 6],), note="missing children in the middle of a level"),
        Call((_chain(12, "right"),), note="a right-leaning chain"),
    ]
    for _ in range(10):
        cases.append(Call((_random_tree(rng, rng.randint(1, 20), -20, 20),), note="random tree"))
    cases.append(Call((_chain(60_000, "left"),), note="a 60k-deep chain: recursion overflows and "
                      "array-indexed formats explode"))
    cases.append(Call((_random_tree(rng, 60_000, -10**9, 10**9),), note="60k nodes: needs O(n) both ways"))
    return cases


expected_complexity = "O(n)"


def ladder(rng):
    return [(n, Call((_random_tree(rng, n, 0, 10**6),), cpu_ms=1500)) for n in (4000, 8000, 16000, 32000, 64000)]
