from rounds.testkit import Call


def examples(level):
    return [
        Call(("abba", "dog cat cat dog"), expected=True, name="matches"),
        Call(("abba", "dog cat cat fish"), expected=False, name="a maps to two words"),
        Call(("abba", "dog dog dog dog"), expected=False, name="two letters share a word"),
    ]


WORDS = ["get", "put", "user", "ok", "err", "42", "GET"]


def hidden(level, rng):
    cases = [
        Call(("a", "x"), note="one letter, one word"),
        Call(("aaaa", "x x x x"), note="one letter repeated"),
        Call(("aaaa", "x x x y"), note="the last word breaks it"),
        Call(("ab", "x x"), note="two letters may not share a word"),
        Call(("aab", "x x"), note="more letters than words"),
        Call(("ab", "x y z"), note="more words than letters"),
        Call(("aa", "x x x x"), note="the words repeat the pattern twice: still a length mismatch"),
        Call(("ab", "Dog dog"), note="case-sensitive words"),
        Call(("abc", "b c a"), note="words equal to other letters"),
        Call(("abab", "x y y x"), note="positions matter, not just counts"),
        Call(("abcdefghij", "a b c d e f g h i j"), note="ten distinct pairs"),
        Call(("aa", "x"), note="one word, two letters"),
    ]
    for _ in range(10):
        n = rng.randint(1, 8)
        pattern = "".join(rng.choice("abc") for _ in range(n))
        if rng.random() < 0.6:
            mapping = dict(zip("abc", rng.sample(WORDS, 3)))
            words = [mapping[c] for c in pattern]
            if rng.random() < 0.4:
                words[rng.randrange(n)] = rng.choice(WORDS)
        else:
            words = [rng.choice(WORDS) for _ in range(n + rng.choice([-1, 0, 0, 1]) or 1)]
        cases.append(Call((pattern, " ".join(words)), note="random template and line"))
    return cases
