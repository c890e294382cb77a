import numpy as np


def _dcg(rel, k):
    rel = np.asarray(rel, dtype=np.float64)[:k]
    return float((rel / np.log2(np.arange(2, len(rel) + 2))).sum())  # linear gain


def ndcg_at_k(relevance, k):
    rel = np.asarray(relevance, dtype=np.float64)
    ideal = _dcg(np.sort(rel)[::-1], k)
    return 0.0 if ideal == 0 else _dcg(rel, k) / ideal


def mean_ndcg_at_k(scores, relevance, k):
    order = np.argsort(-scores, axis=1, kind="stable")  # ties: lower item index first
    ranked = np.take_along_axis(relevance, order, axis=1)[:, :k]
    disc = 1.0 / np.log2(np.arange(2, ranked.shape[1] + 2))
    dcg = ((2.0 ** ranked - 1.0) * disc).sum(axis=1)
    ideal = ((2.0 ** (-np.sort(-relevance, axis=1)[:, :k]) - 1.0) * disc).sum(axis=1)
    keep = ideal > 0
    return float((dcg[keep] / ideal[keep]).mean()) if keep.any() else 0.0
