from rounds.testkit import Call


def examples(level):
    return [
        Call(("abcde", "ace"), expected=3, name="classic"),
        Call(("abc", "abc"), expected=3, name="equal"),
        Call(("abc", "def"), expected=0, name="nothing shared"),
    ]


def hidden(level, rng):
    cases = [
        Call(("", "abc"), note="an empty version"),
        Call(("a", "a"), note="one shared character"),
        Call(("abcba", "abcbcba"), note="skips in the longer string"),
        Call(("xaxbxc", "abc"), note="a subsequence, not a substring"),
        Call(("zab", "abz"), note="greedily matching the first character loses"),
        Call(("aaaa", "aa"), note="a character used at most once per match"),
        Call(("ABC", "abc"), note="case-sensitive"),
        Call(("ezupkr", "ubmrapg"), note="crossing matches: only one can count"),
    ]
    for _ in range(10):
        a = "".join(rng.choice("abc") for _ in range(rng.randint(0, 12)))
        b = "".join(rng.choice("abc") for _ in range(rng.randint(0, 12)))
        cases.append(Call((a, b), note="random versions"))
    cases.append(Call(("abcdefghijklmnopqrst", "tsrqponmlkjihgfedcba"),
                      note="20 characters, reversed: plain recursion is exponential", cpu_ms=500))
    a = "".join(rng.choice("abcdefgh") for _ in range(500))
    b = "".join(rng.choice("abcdefgh") for _ in range(500))
    cases.append(Call((a, b), note="two 500-line versions: needs the O(nm) DP"))
    return cases


expected_complexity = "O(n m)"


def ladder(rng):
    out = []
    for n in (125, 177, 250, 354, 500):
        a = "".join(rng.choice("abcd") for _ in range(n))
        b = "".join(rng.choice("abcd") for _ in range(n))
        out.append((n, Call((a, b), cpu_ms=1900)))
    return out
