from rounds.testkit import Call

inputs_unchanged = True  # the contract: xs is not modified


def examples(level):
    return [Call(([3, 1, 2],), expected=[1, 2, 3])]


def hidden(level, rng):
    return [Call(([5, 4, 4, 1],)), Call(([rng.randint(-9, 9) for _ in range(20)],)), Call(([],))]
