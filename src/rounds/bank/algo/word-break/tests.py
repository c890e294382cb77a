from rounds.testkit import Call


def examples(level):
    return [
        Call(("leetcode", ["leet", "code"]), expected=True, name="two words"),
        Call(("applepenapple", ["apple", "pen"]), expected=True, name="a word reused"),
        Call(("catsandog", ["cats", "dog", "sand", "and", "cat"]), expected=False, name="no split"),
    ]


def hidden(level, rng):
    cases = [
        Call(("a", ["a"]), note="one word"),
        Call(("abc", ["abcd"]), note="a word longer than s"),
        Call(("aaab", ["a", "aa", "aaa"]), note="no word ends in b"),
        Call(("goalspecial", ["go", "goal", "goals", "special"]), note="the longest first match leads nowhere"),
        Call(("abcd", ["a", "abc", "b", "cd"]), note="the shortest first match leads nowhere"),
        Call(("aaaa", ["aa"]), note="the same word twice"),
        Call(("MachineLearning", ["machine", "learning"]), note="case-sensitive"),
        Call(("carscar", ["car", "ca", "rs"]), note="two different splits of one prefix"),
    ]
    alphabet = "ab"
    for _ in range(10):
        vocab = list({"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3))) for _ in range(4)})
        s = "".join(rng.choice(vocab) for _ in range(rng.randint(1, 5)))
        if rng.random() < 0.4:
            pos = rng.randrange(len(s))
            s = s[:pos] + rng.choice("abc") + s[pos + 1:]
        cases.append(Call((s, vocab), note="random hashtag"))
    cases.append(Call(("a" * 40 + "b", ["a", "aa", "aaa", "aaaa", "aaaaa"]),
                      note="40 a's then b: plain recursion is exponential", cpu_ms=500))
    cases.append(Call(("a" * 2000, ["a" * k for k in range(1, 21)] + ["b"]),
                      note="2000 characters, 20-letter words: needs the O(n * L) DP"))
    return cases


expected_complexity = "O(n * L)"
