from rounds.testkit import Call


def examples(level):
    return [Call(([1, 2, 3],), name="three items"), Call(([],), name="empty")]


def hidden(level, rng):
    cases = [Call(([5],), note="one item"), Call(([-1, 1],), note="negative numbers")]
    cases += [Call(([rng.randint(-9, 9) for _ in range(rng.randint(0, 20))],), note="random") for _ in range(3)]
    return cases
