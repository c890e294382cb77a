from rounds.testkit import Call


def examples(level):
    return [
        Call((["great", "acting", "skills"], ["fine", "drama", "talent"],
              [["great", "good"], ["fine", "good"], ["drama", "acting"], ["skills", "talent"]]),
             expected=True, name="two hops"),
        Call((["I", "love", "leetcode"], ["I", "love", "onepiece"],
              [["manga", "onepiece"], ["platform", "anime"], ["leetcode", "platform"], ["anime", "manga"]]),
             expected=True, name="a chain of four"),
        Call((["I", "love", "leetcode"], ["I", "love", "onepiece"],
              [["manga", "hunterXhunter"], ["platform", "anime"], ["leetcode", "platform"], ["anime", "manga"]]),
             expected=False, name="the chain is broken"),
    ]


def hidden(level, rng):
    cases = [
        Call(([], [], []), note="two empty sentences"),
        Call((["a"], ["a", "b"], []), note="lengths differ"),
        Call((["navy"], ["navy"], []), note="a word in no pair is similar to itself"),
        Call((["navy"], ["midnight"], [["navy", "dark"], ["midnight", "dark"]]), note="two pairs meet at a shared word"),
        Call((["c"], ["a"], [["a", "b"], ["b", "c"]]), note="transitive, read backwards"),
        Call((["a", "x"], ["d", "x"], [["a", "b"], ["c", "d"]]), note="two separate clusters"),
        Call((["a"], ["e"], [["a", "b"], ["c", "d"], ["b", "c"], ["d", "e"]]), note="clusters joined by a later pair"),
        Call((["b"], ["c"], [["a", "b"], ["a", "c"]]), note="one word in two pairs: unite the roots"),
        Call((["Red"], ["red"], [["red", "crimson"]]), note="case-sensitive"),
    ]
    for _ in range(10):
        words = [f"w{i}" for i in range(12)]
        pairs = [rng.sample(words, 2) for _ in range(rng.randint(0, 10))]
        n = rng.randint(1, 6)
        cases.append(Call(([rng.choice(words) for _ in range(n)], [rng.choice(words) for _ in range(n)], pairs),
                          note="random clusters"))
    m = 40_000
    chain = [[f"c{i}", f"c{i + 1}"] for i in range(m)]
    rng.shuffle(chain)
    n = 20_000
    s1 = [f"c{rng.randrange(m)}" for _ in range(n)]
    s2 = [f"c{rng.randrange(m)}" for _ in range(n)]
    cases.append(Call((s1, s2, chain), note="a 40k-word synonym chain, 20k positions: needs union-find, "
                      "not a search per position", cpu_ms=1400))
    return cases


expected_complexity = "O((n + p) α(p))"


def ladder(rng):
    out = []
    for n in (2500, 5000, 10000, 20000):
        pairs = [[f"w{rng.randrange(n)}", f"w{rng.randrange(n)}"] for _ in range(n)]
        s = [f"w{rng.randrange(n)}" for _ in range(n)]
        out.append((n, Call((s, s[::-1], pairs), cpu_ms=1500)))
    return out
