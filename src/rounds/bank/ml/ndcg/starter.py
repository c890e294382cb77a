import numpy as np


def ndcg_at_k(relevance, k):
    """NDCG@k of relevances given in ranked order; gain 2^rel - 1, discount log2(i + 1).

    Returns 0.0 when the ideal DCG is 0.
    """
    raise NotImplementedError


def mean_ndcg_at_k(scores, relevance, k):
    """Level 2: rank rows by descending score (ties: lower index first), mean NDCG@k over
    queries with a non-zero ideal DCG (0.0 if none)."""
    raise NotImplementedError
