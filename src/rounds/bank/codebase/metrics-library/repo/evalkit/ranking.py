"""Ranking metrics for one query: ``ranked`` is the list of item ids in the order the model ranked
them, ``relevant`` the set of ids that are relevant (binary relevance).

* precision@k: relevant items among the first k, divided by k;
* recall@k: relevant items among the first k, divided by the number of relevant items (0.0 when
  there is none);
* NDCG@k: DCG of the first k, sum of 1 / log2(rank + 1) over relevant items at ranks 1..k,
  divided by the DCG of a perfect ranking of the same relevant items (0.0 when there is none).

A ranking shorter than k counts its missing places as not relevant.
"""

from __future__ import annotations

import math
from collections.abc import Sequence, Set


def _hits(ranked: Sequence[str], relevant: Set[str], k: int) -> int:
    if k < 1:
        raise ValueError("k must be at least 1")
    return sum(1 for item in ranked[:k] if item in relevant)


def precision_at_k(ranked: Sequence[str], relevant: Set[str], k: int) -> float:
    return _hits(ranked, relevant, k) / k


def recall_at_k(ranked: Sequence[str], relevant: Set[str], k: int) -> float:
    return _hits(ranked, relevant, k) / len(relevant) if relevant else 0.0


def ndcg_at_k(ranked: Sequence[str], relevant: Set[str], k: int) -> float:
    if k < 1:
        raise ValueError("k must be at least 1")
    dcg = sum(1 / math.log2(rank) for rank, item in enumerate(ranked[:k], 1) if item in relevant)
    ideal = sum(1 / math.log2(rank) for rank in range(1, min(k, len(relevant)) + 1))
    return dcg / ideal if ideal else 0.0
