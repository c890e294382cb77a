from rounds.testkit import Call, any_valid


def _valid_order(args, actual, reference):
    n, prereq = args
    if reference == []:
        return None if actual == [] else "the prerequisites contain a cycle, so the answer is []"
    if not isinstance(actual, list):
        return f"returned {type(actual).__name__}, expected a list of course numbers"
    if actual == []:
        return "returned [] but a valid order exists"
    if len(actual) != n or sorted(actual) != list(range(n)):
        return f"the order must list each of the {n} courses exactly once"
    pos = {c: i for i, c in enumerate(actual)}
    for a, b in prereq:
        if pos[b] > pos[a]:
            return f"course {a} comes before its prerequisite {b} (pair [{a}, {b}] means {b} before {a})"
    return None


checker = any_valid(_valid_order)


def examples(level):
    return [
        Call((2, [[1, 0]]), name="two courses"),
        Call((4, [[1, 0], [2, 0], [3, 1], [3, 2]]), name="diamond"),
        Call((2, [[0, 1], [1, 0]]), name="cycle"),
    ]


def _dag(rng, n, m):
    perm = list(range(n))
    rng.shuffle(perm)
    pairs = []
    rand = rng.randrange
    for _ in range(m):
        i, j = rand(n), rand(n)
        if i == j:
            continue
        if i > j:
            i, j = j, i
        pairs.append([perm[j], perm[i]])
    return pairs


def hidden(level, rng):
    cases = [
        Call((1, []), note="one course, nothing to order"),
        Call((3, []), note="no prerequisites: any permutation"),
        Call((3, [[1, 1]]), note="a self-loop is a cycle"),
        Call((3, [[1, 0], [1, 0]]), note="duplicate pairs"),
        Call((4, [[1, 0], [2, 1], [3, 2]]), note="a chain: argument order of the pairs"),
        Call((5, [[0, 1], [1, 2], [2, 0], [4, 3]]), note="a cycle in one component only"),
        Call((6, [[5, 4], [4, 3], [3, 5], [1, 0]]), note="a cycle far from course 0"),
    ]
    for _ in range(8):
        n = rng.randint(2, 40)
        pairs = _dag(rng, n, rng.randint(0, 3 * n))
        if rng.random() < 0.3 and pairs:
            a, b = rng.choice(pairs)
            pairs.append([b, a])  # close a cycle
        cases.append(Call((n, pairs), note="random graph"))
    n = 100_000
    cases.append(Call((n, _dag(rng, n, 200_000)), note="100k courses, 200k pairs: needs O(V + E)", cpu_ms=2500))
    chain = [[i + 1, i] for i in range(n - 1)]
    cases.append(Call((n, chain), note="a 100k-long chain: recursion this deep overflows", cpu_ms=2500))
    return cases


expected_complexity = "O(V + E)"


def ladder(rng):
    """Growing DAGs with two edges per course, for the complexity report."""
    return [(n, Call((n, _dag(rng, n, 2 * n)), cpu_ms=1500)) for n in (2000, 4000, 8000, 16000, 32000)]
