import math

import numpy as np

from rounds.testkit import Call, floats

checker = floats(atol=1e-12, rtol=1e-12)
batch_checker = floats(atol=1e-12, rtol=1e-10)


def _ndcg(rel, k):
    """The definition with a plain loop: an oracle independent of the reference."""
    def dcg(r):
        return sum((2.0 ** r[i] - 1.0) / math.log2(i + 2) for i in range(min(k, len(r))))

    ideal = dcg(sorted(rel, reverse=True))
    return 0.0 if ideal == 0 else dcg(list(rel)) / ideal


def _c(rel, k, note):
    rel = np.asarray(rel, dtype=np.float64)
    return Call((rel, k), expected=_ndcg(rel.tolist(), k), note=note)


def examples(level):
    if level == 1:
        return [Call((np.array([3.0, 2.0, 3.0, 0.0, 1.0, 2.0]), 6), name="six graded items"),
                Call((np.array([0.0, 1.0]), 1), name="k = 1 and the top item is irrelevant"),
                Call((np.array([0.0, 0.0]), 5), name="nothing relevant")]
    return [Call((np.array([[0.9, 0.1], [0.5, 0.5], [0.2, 0.3]]), np.array([[1.0, 0.0], [0.0, 2.0], [0.0, 0.0]]), 1),
                 entry="mean_ndcg_at_k", check=batch_checker, name="three queries")]


def _batch(scores, rel, k, note):
    per = []
    for s, r in zip(scores.tolist(), rel.tolist()):
        order = sorted(range(len(s)), key=lambda i: (-s[i], i))
        ranked = [r[i] for i in order]
        if _ndcg(sorted(ranked, reverse=True), k) > 0:
            per.append(_ndcg(ranked, k))
    want = sum(per) / len(per) if per else 0.0
    return Call((scores, rel, k), expected=want, entry="mean_ndcg_at_k", check=batch_checker, note=note)


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    if level == 1:
        cases = [
            _c([3, 2, 1], 3, "already ideal: 1"),
            _c([0, 0, 3], 3, "the only relevant item last"),
            _c([1, 3, 0, 2], 2, "k cuts the list: IDCG uses the top k of the ideal order"),
            _c([2, 1], 10, "k larger than the list"),
            _c([], 3, "an empty list: 0.0"),
            _c([0, 0, 0, 0], 2, "no relevant item: 0.0"),
            _c([0, 5], 1, "k = 1"),
            _c([1, 0, 0, 0, 0, 0, 0, 1], 8, "relevant items at both ends"),
            _c([0.5, 2.5, 1.25], 3, "non-integer grades"),
            _c([10, 0, 9], 3, "large grades: exponential gains"),
        ]
        for _ in range(5):
            n = int(g.integers(1, 30))
            cases.append(_c(g.integers(0, 4, size=n), int(g.integers(1, 35)), "random graded list"))
        return cases
    cases = []
    s = np.array([[0.5, 0.5, 0.5], [1.0, 1.0, 0.0]])
    r = np.array([[0.0, 1.0, 2.0], [2.0, 0.0, 1.0]])
    cases.append(_batch(s, r, 3, "tied scores: lower item index first"))
    cases.append(_batch(np.array([[0.1, 0.2], [0.3, 0.4]]), np.zeros((2, 2)), 2, "no query has a relevant item: 0.0"))
    cases.append(_batch(np.array([[0.1, 0.9], [0.3, 0.4]]), np.array([[0.0, 0.0], [1.0, 0.0]]), 2,
                        "a query with nothing relevant is skipped, not counted as 0"))
    for _ in range(4):
        q, n = int(g.integers(1, 12)), int(g.integers(1, 15))
        rel = g.integers(0, 4, size=(q, n)).astype(np.float64)
        sc = np.round(rel + g.normal(size=(q, n)), 1)
        cases.append(_batch(sc, rel, int(g.integers(1, n + 3)), "random queries with rounded (tied) scores"))
    rel = (g.random((20000, 50)) < 0.1) * g.integers(1, 4, size=(20000, 50)).astype(np.float64)
    sc = np.round(rel * 0.5 + g.normal(size=(20000, 50)), 2)
    cases.append(Call((sc, rel, 10), entry="mean_ndcg_at_k", check=batch_checker, note="20000 queries of 50 items"))
    return cases
