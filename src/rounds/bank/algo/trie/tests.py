from rounds.testkit import Ops, op


def examples(level):
    return [Ops([
        op("insert", "apple"), op("search", "apple"), op("search", "app"), op("starts_with", "app"),
        op("insert", "app"), op("search", "app"), op("count_prefix", "ap"),
    ], name="apple and app")]


def _word(rng, alphabet="abc", lo=1, hi=5):
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(lo, hi)))


def _stream(rng, n, alphabet, hi):
    ops = []
    for _ in range(n):
        kind = rng.random()
        if kind < 0.35:
            ops.append(op("insert", _word(rng, alphabet, 1, hi)))
        elif kind < 0.55:
            ops.append(op("search", _word(rng, alphabet, 1, hi)))
        elif kind < 0.75:
            ops.append(op("starts_with", _word(rng, alphabet, 0, hi)))
        else:
            ops.append(op("count_prefix", _word(rng, alphabet, 0, hi)))
    return ops


def hidden(level, rng):
    cases = [
        Ops([op("search", "a"), op("starts_with", ""), op("count_prefix", "")],
            note="an empty dictionary: nothing is found, not even the empty prefix"),
        Ops([op("insert", "car"), op("search", "ca"), op("starts_with", "ca"), op("search", "cart")],
            note="a prefix is not a word"),
        Ops([op("insert", "car"), op("starts_with", "car"), op("count_prefix", "car")],
            note="a word starts with itself"),
        Ops([op("insert", "go"), op("insert", "go"), op("count_prefix", "g"), op("count_prefix", "")],
            note="inserting a word twice: the dictionary is a set"),
        Ops([op("insert", "to"), op("insert", "tea"), op("insert", "ted"), op("insert", "ten"),
             op("count_prefix", "t"), op("count_prefix", "te"), op("count_prefix", "tea"),
             op("starts_with", "tex"), op("count_prefix", "")],
            note="branching at the second letter"),
        Ops([op("insert", "in"), op("insert", "inn"), op("insert", "i"), op("count_prefix", "i"),
             op("count_prefix", "in"), op("search", "i")],
            note="words that are prefixes of other words"),
        Ops([op("starts_with", ""), op("insert", "z"), op("starts_with", "")],
            note="the empty prefix after the first insert"),
    ]
    for _ in range(6):
        cases.append(Ops(_stream(rng, rng.randint(5, 40), "ab", 4), note="random operations", shrink=True))
    big = _stream(rng, 40_000, "abcdefghijklmnopqrstuvwxyz", 12)
    cases.append(Ops(big, note="40k operations on random words: needs O(len(word)) per operation",
                     cpu_ms=2000))
    return cases
