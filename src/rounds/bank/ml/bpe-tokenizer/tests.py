import random

from rounds.testkit import Call, custom


def _check_merges(actual, expected, args):
    try:
        got = [tuple(m) for m in actual]
    except TypeError:
        return "return a list of (left, right) pairs"
    if any(len(m) != 2 or not all(isinstance(s, str) for s in m) for m in got):
        return "every merge must be a pair of strings"
    for i, (a, e) in enumerate(zip(got, expected)):
        if a != e:
            return f"merge {i} is {a}, which is not the pair the rule picks at that step"
    if len(got) != len(expected):
        return f"returned {len(got)} merges, expected {len(expected)}"
    return None


def _check_encoding(actual, expected, args):
    if not isinstance(actual, list) or len(actual) != len(expected):
        return f"return one list of symbols per word ({len(expected)} words)"
    for i, (a, e) in enumerate(zip(actual, expected)):
        if list(a) != e:
            return f"word {args[0][i]!r} was split as {list(a)}"
    return None


checker = custom(_check_merges)
encode_checker = custom(_check_encoding)

_SYLLABLES = ["an", "er", "in", "th", "re", "on", "at", "es", "st", "ing", "ed", "al", "ou", "le", "ti", "ar"]


def _corpus(r, distinct, total, letters="abcdefghijklmnopqrstuvwxyz"):
    vocab = set()
    while len(vocab) < distinct:
        if r.random() < 0.6:
            w = "".join(r.choice(_SYLLABLES) for _ in range(r.randint(1, 4)))
        else:
            w = "".join(r.choice(letters) for _ in range(r.randint(1, 8)))
        vocab.add(w)
    vocab = sorted(vocab)
    weights = [1.0 / (i + 1) for i in range(len(vocab))]  # Zipf-like frequencies
    r.shuffle(weights)
    return r.choices(vocab, weights=weights, k=total)


def examples(level):
    if level == 1:
        return [Call((["low", "low", "lower", "newest", "newest", "widest"], 3), name="the classic toy corpus")]
    return [Call((["abc", "ab"], [("ab", "c"), ("a", "b")]), entry="encode", check=encode_checker,
                 name="a later merge unlocks an earlier one")]


def _level1(r):
    cases = [
        Call((["aaa"], 2), note="overlapping pairs: a a a has (a, a) twice, and merges to aa a"),
        Call((["aaaa", "b"], 3), note="a a a a merges to aa aa, then aaaa"),
        Call((["ab", "ba"], 1), note="a tie: the smaller pair wins"),
        Call((["ab", "ab", "cd", "cd", "cd"], 2), note="frequencies weight the counts"),
        Call((["xyz"], 10), note="more merges requested than possible: stop early"),
        Call((["a", "b", "c"], 3), note="single-letter words have no pairs"),
        Call((["hello"], 0), note="zero merges"),
        Call((["ab", "b", "abb", "bab"], 4), note="merged symbols must not fuse across boundaries"),
    ]
    for _ in range(3):
        words = _corpus(r, r.randint(5, 60), r.randint(20, 400), letters="abcde")
        cases.append(Call((words, r.randint(1, 30)), note="random corpus over a small alphabet"))
    cases.append(Call((_corpus(r, 800, 20000), 150), note="20,000 words, 150 merges", cpu_ms=4000))
    return cases


def _level2(r):
    cases = [
        Call((["abc", "abcabc"], [("ab", "c"), ("a", "b")]), note="priority, not list order of application"),
        Call((["aaaa", "aaa"], [("a", "a"), ("aa", "aa")]), note="left to right, no overlaps"),
        Call((["hello", "world"], []), note="no merges: characters"),
        Call((["banana"], [("a", "n"), ("an", "a"), ("b", "an")]), note="competing merges"),
        Call((["x"], [("x", "x")]), note="a single character"),
        Call((["ab", "ba"], [("b", "a")]), note="a pair absent from the list is never merged"),
    ]
    for _ in range(3):
        words = _corpus(r, r.randint(5, 40), r.randint(20, 200), letters="abcde")
        merges = _train(words, r.randint(1, 25))
        if r.random() < 0.5:
            r.shuffle(merges)  # any list of pairs is a valid priority order
        test = _corpus(r, 10, 30, letters="abcde")
        cases.append(Call((test, merges), note="merges from a corpus, applied to new words"))
    words = _corpus(r, 800, 20000)
    cases.append(Call((_corpus(r, 500, 3000), _train(words, 150)), note="3000 words with 150 merges", cpu_ms=4000))
    return [Call(c.args, entry="encode", check=encode_checker, note=c.note, cpu_ms=c.cpu_ms) for c in cases]


def _train(words, n):
    from importlib import util
    from pathlib import Path

    spec = util.spec_from_file_location("_bpe_reference_for_tests", Path(__file__).with_name("reference.py"))
    mod = util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.train_bpe(words, n)


def hidden(level, rng):
    r = random.Random(rng.randrange(2**32))
    return _level1(r) if level == 1 else _level2(r)
