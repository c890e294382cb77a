from rounds.testkit import Call


def examples(level):
    return [
        Call(("ADOBECODEBANC", "ABC"), expected="BANC", name="classic"),
        Call(("a", "a"), expected="a", name="the whole log"),
        Call(("a", "aa"), expected="", name="not enough events"),
    ]


def hidden(level, rng):
    cases = [
        Call(("ab", "b"), note="a one-character window at the end"),
        Call(("abc", "abcd"), note="t longer than s: no window"),
        Call(("TATTA", "TTA"), note="multiplicity: two T and one A"),
        Call(("abXab", "ab"), note="two shortest windows: the leftmost"),
        Call(("bba", "ab"), note="a leading surplus must be dropped"),
        Call(("aAbB", "AB"), note="case-sensitive"),
        Call(("cabwefgewcwaefgcf", "cae"), note="the best window is in the middle"),
        Call(("aaaaaaaaaab", "ab"), note="a long run before the rare event"),
        Call(("xyz", "q"), note="a character absent from s"),
    ]
    for _ in range(10):
        s = "".join(rng.choice("abcA") for _ in range(rng.randint(1, 30)))
        t = "".join(rng.choice("abcA") for _ in range(rng.randint(1, 4)))
        cases.append(Call((s, t), note="random log"))
    n = 200_000
    s = "".join(rng.choice("abcdefghij") for _ in range(n - 1)) + "Z"
    cases.append(Call((s, "aZ"), note="200k events, the only Z at the end: needs one pass", cpu_ms=1400))
    return cases


expected_complexity = "O(n + m)"


def ladder(rng):
    out = []
    for n in (12500, 25000, 50000, 100000, 200000):
        out.append((n, Call(("".join(rng.choice("abcdefghij") for _ in range(n)), "aabbcdd"), cpu_ms=1500)))
    return out
