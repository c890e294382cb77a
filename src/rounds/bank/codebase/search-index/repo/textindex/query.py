"""Queries: words to score, and ``-word`` to exclude.

``parse_query("refund -paypal card")`` scores documents holding "refund" or "card" and drops every
document holding "paypal". Query words go through the same tokenizer as documents.
"""

from __future__ import annotations

from dataclasses import dataclass

from textindex.index import InvertedIndex
from textindex.scoring import bm25
from textindex.tokenize import tokenize


@dataclass(frozen=True)
class Query:
    terms: tuple[str, ...]
    excluded: tuple[str, ...] = ()


def parse_query(text: str) -> Query:
    terms: list[str] = []
    excluded: list[str] = []
    for word in text.split():
        if word.startswith("-") and len(word) > 1:
            excluded += tokenize(word[1:])
        else:
            terms += tokenize(word)
    return Query(tuple(dict.fromkeys(terms)), tuple(dict.fromkeys(excluded)))


def search(index: InvertedIndex, query: str | Query, k: int = 10) -> list[tuple[str, float]]:
    """The ``k`` best documents as ``(doc_id, score)``: highest score first, and on equal scores
    the smaller doc_id first. Only documents holding at least one term, and no excluded one."""
    q = parse_query(query) if isinstance(query, str) else query
    candidates: set[str] = set()
    for t in q.terms:
        candidates.update(index.docs(t))
    for t in q.excluded:
        candidates.difference_update(index.docs(t))
    scored = [(doc_id, bm25(index, doc_id, q.terms)) for doc_id in candidates]
    scored.sort(key=lambda pair: (pair[1], pair[0]), reverse=True)
    return scored[:k]
