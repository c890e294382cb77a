from rounds.testkit import Call


def examples(level):
    return [Call((2,), expected=4)]


def hidden(level, rng):
    return [Call((3,)), Call((rng.randint(-1000, 1000),)), Call((10**30,), note="big integers")]
