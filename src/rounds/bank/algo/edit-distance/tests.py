from rounds.testkit import Call


def examples(level):
    return [
        Call(("horse", "ros"), expected=3, name="classic"),
        Call(("intention", "execution"), expected=5, name="longer"),
        Call(("", "abc"), expected=3, name="from empty"),
    ]


def _mutate(rng, s, edits, alphabet):
    s = list(s)
    for _ in range(edits):
        k = rng.random()
        if k < 0.33 and s:
            del s[rng.randrange(len(s))]
        elif k < 0.66:
            s.insert(rng.randrange(len(s) + 1), rng.choice(alphabet))
        elif s:
            s[rng.randrange(len(s))] = rng.choice(alphabet)
    return "".join(s)


def hidden(level, rng):
    cases = [
        Call(("", ""), note="two empty strings"),
        Call(("abc", ""), note="to empty: delete everything"),
        Call(("same", "same"), note="equal strings"),
        Call(("Apple", "apple"), note="case-sensitive"),
        Call(("abc", "xbc"), note="one replacement"),
        Call(("abcdef", "bcdefa"), note="a shift: one delete and one insert, not six replacements"),
        Call(("kitten", "sitting"), note="mixed edits"),
        Call(("a", "b" * 7), note="very different lengths"),
        Call(("iphone 15 pro", "iPhone15 Pro"), note="a realistic product title"),
    ]
    for _ in range(10):
        a = "".join(rng.choice("abcd") for _ in range(rng.randint(0, 12)))
        cases.append(Call((a, _mutate(rng, a, rng.randint(0, 6), "abcd")), note="random pair"))
    cases.append(Call(("abcdefghijklmno" * 2, "ponmlkjihgfedcba" * 2),
                      note="30 characters with few matches: plain recursion is exponential", cpu_ms=500))
    a = "".join(rng.choice("abcdefgh") for _ in range(500))
    cases.append(Call((a, _mutate(rng, a, 120, "abcdefgh")), note="two 500-character titles: needs the O(nm) DP"))
    return cases


expected_complexity = "O(n m)"


def ladder(rng):
    out = []
    for n in (125, 177, 250, 354, 500):
        a = "".join(rng.choice("abcd") for _ in range(n))
        out.append((n, Call((a, _mutate(rng, a, n // 5, "abcd")), cpu_ms=1900)))
    return out
