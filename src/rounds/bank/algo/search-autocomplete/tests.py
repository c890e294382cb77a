from rounds.testkit import Call


def examples(level):
    return [
        Call((["mouse", "mobile", "moneypot", "monitor", "mousepad", "mouse"], "mou", 3),
             expected=[["mouse", "mobile", "moneypot"], ["mouse", "mobile", "moneypot"], ["mouse", "mousepad"]],
             name="popular first, then by string"),
        Call((["havana"], "tatiana", 2), expected=[[], [], [], [], [], [], []], name="no match at all"),
        Call((["b", "a", "ab", "a b"], "a", 5), expected=[["a", "a b", "ab"]], name="space sorts before letters"),
    ]


def _q(rng, alphabet, lo, hi):
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(lo, hi)))


def hidden(level, rng):
    cases = [
        Call(([], "abc", 3), note="an empty log: three empty lists"),
        Call((["abc"], "abc", 1), note="a query equal to the typed prefix counts"),
        Call((["ab", "ab", "abc", "abd", "abd", "abd"], "ab", 2), note="popularity beats string order"),
        Call((["cat", "car", "cab", "can"], "ca", 2), note="equal popularity: string order"),
        Call((["zeta", "zeta", "alpha", "alpha", "beta"], "z", 3), note="ties in the log's first-seen order"),
        Call((["apple", "apply"], "apx", 3), note="matches stop after a miss, the lists do not"),
        Call((["go", "gopher", "gopher", "golang"], "gophers", 2), note="typed longer than every query"),
        Call((["a a", "a", "aa", "a  b"], "a ", 4), note="spaces inside queries"),
    ]
    for _ in range(8):
        hist = [_q(rng, "ab", 1, 5) for _ in range(rng.randint(0, 40))]
        typed = _q(rng, "ab", 1, 6)
        cases.append(Call((hist, typed, rng.randint(1, 4)), note="random small log"))
    stem = "how to train a transformer "
    hist = [stem + _q(rng, "ab", 12, 16) for _ in range(100_000)]
    typed = stem + _q(rng, "ab", 14, 14)
    cases.append(Call((hist, typed, 5), note="100k queries sharing a 27-character prefix, 41 keystrokes: "
                      "needs one sort, not a sort per keystroke", cpu_ms=900))
    return cases


expected_complexity = "O(n log n + L k log k)"


def ladder(rng):
    out = []
    stem = "best gpu for "
    for n in (6250, 12500, 25000, 50000, 100000):
        hist = [stem + _q(rng, "ab", 10, 14) for _ in range(n)]
        out.append((n, Call((hist, stem + _q(rng, "ab", 12, 12), 5), cpu_ms=1500)))
    return out
