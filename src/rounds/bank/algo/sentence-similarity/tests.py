from rounds.testkit import Call


def examples(level):
    return [
        Call((["great", "acting", "skills"], ["fine", "drama", "talent"],
              [["great", "fine"], ["drama", "acting"], ["skills", "talent"]]), expected=True, name="pairs in both orders"),
        Call((["great"], ["great"], []), expected=True, name="a word matches itself"),
        Call((["great"], ["doubleplus", "good"], [["great", "doubleplus"]]), expected=False, name="lengths differ"),
    ]


VOCAB = ["fast", "quick", "rapid", "cheap", "budget", "flight", "airfare", "hotel", "inn", "paris"]


def hidden(level, rng):
    cases = [
        Call(([], [], []), note="two empty sentences"),
        Call((["a"], [], [["a", "b"]]), note="one empty sentence"),
        Call((["fast", "car"], ["quick", "car"], [["quick", "fast"]]), note="the pair is listed the other way round"),
        Call((["fast"], ["rapid"], [["fast", "quick"], ["quick", "rapid"]]), note="not transitive"),
        Call((["Paris"], ["paris"], []), note="case-sensitive"),
        Call((["cheap", "hotel"], ["hotel", "cheap"], [["cheap", "budget"]]), note="same words, different positions"),
        Call((["a", "b"], ["b", "a"], [["a", "b"]]), note="swapped words that are synonyms"),
        Call((["cheap", "flight", "paris"], ["budget", "airfare", "paris"],
              [["budget", "cheap"], ["flight", "airfare"]]), note="a realistic query pair"),
        Call((["x", "y", "z"], ["x", "y"], [["z", "x"]]), note="a prefix is not similar"),
    ]
    for _ in range(12):
        pairs = [rng.sample(VOCAB, 2) for _ in range(rng.randint(0, 8))]
        n = rng.randint(1, 6)
        s1 = [rng.choice(VOCAB) for _ in range(n)]
        s2 = [rng.choice([w] + [b for a, b in pairs if a == w] + [a for a, b in pairs if b == w]) for w in s1]
        if rng.random() < 0.3:
            s2[rng.randrange(n)] = rng.choice(VOCAB)
        cases.append(Call((s1, s2, pairs), note="random queries and synonyms"))
    return cases
