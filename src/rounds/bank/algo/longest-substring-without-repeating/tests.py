from rounds.testkit import Call


def examples(level):
    return [
        Call(("abcabcbb",), expected=3, name="repeating block"),
        Call(("bbbbb",), expected=1, name="one character"),
        Call(("pwwkew",), expected=3, name="not a subsequence"),
    ]


def _distinct_run(n):
    return "".join(chr(0x4E00 + i) for i in range(n))


def hidden(level, rng):
    cases = [
        Call(("",), note="empty session: 0"),
        Call((" ",), note="a single space is a character"),
        Call(("abba",), note="the window's start must never move backwards"),
        Call(("tmmzuxt",), note="a repeat from before the window's start does not count"),
        Call(("dvdf",), note="slide past the repeat, do not restart after it"),
        Call(("aAbB",), note="case-sensitive"),
        Call(("abcdef",), note="all distinct"),
        Call(("a b!a",), note="spaces and punctuation"),
        Call(("ab" * 50 + "cdefg",), note="the longest run is at the end"),
    ]
    for _ in range(10):
        n = rng.randint(1, 60)
        alphabet = "abcdefgh"[: rng.randint(2, 8)]
        cases.append(Call(("".join(rng.choice(alphabet) for _ in range(n)),), note="random small session"))
    long_run = _distinct_run(20_000)
    big = long_run + long_run  # 40k characters, windows of 20k distinct ones
    cases.append(Call((big,), note="40k characters with 20k-long distinct runs: needs O(n)", cpu_ms=500))
    return cases


expected_complexity = "O(n)"


def ladder(rng):
    out = []
    for n in (12500, 25000, 50000, 100000, 200000):
        run = _distinct_run(n // 4)
        out.append((n, Call((run * 4,), cpu_ms=1500)))
    return out
