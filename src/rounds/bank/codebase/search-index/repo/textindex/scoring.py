"""BM25, as Lucene computes it.

    idf(t)      = ln(1 + (N - df + 0.5) / (df + 0.5))
    score(d, q) = sum over t in q of idf(t) * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len(d) / avglen))

with k1 = 1.2 and b = 0.75; N is the number of documents, df the number holding t, tf the count
of t in d and avglen the mean document length (in indexed tokens).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from textindex.index import InvertedIndex

K1 = 1.2
B = 0.75


def idf(index: InvertedIndex, term: str) -> float:
    n, df = index.n_docs, index.df(term)
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def bm25(index: InvertedIndex, doc_id: str, terms: Iterable[str]) -> float:
    avg = index.average_length() or 1.0
    norm = K1 * (1 - B + B * index.length(doc_id) / avg)
    score = 0.0
    for t in terms:
        tf = index.tf(t, doc_id)
        if tf:
            score += idf(index, t) * tf * (K1 + 1) / (tf + norm)
    return score
