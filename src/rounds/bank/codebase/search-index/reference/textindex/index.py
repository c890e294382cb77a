"""The inverted index: for every term, the documents holding it and the positions where it stands."""

from __future__ import annotations

from collections import defaultdict

from textindex.tokenize import STOP_WORDS, tokens_with_stops


class InvertedIndex:
    def __init__(self) -> None:
        # term -> doc_id -> positions of the term in the document (stop words count as positions)
        self._postings: dict[str, dict[str, list[int]]] = defaultdict(dict)
        self._lengths: dict[str, int] = {}  # doc_id -> number of indexed (non-stop-word) tokens

    def add(self, doc_id: str, text: str) -> None:
        """Index a document; adding an id again replaces the earlier text."""
        if doc_id in self._lengths:
            self.remove(doc_id)
        length = 0
        for pos, tok in enumerate(tokens_with_stops(text)):
            if tok in STOP_WORDS:
                continue
            self._postings[tok].setdefault(doc_id, []).append(pos)
            length += 1
        self._lengths[doc_id] = length

    def remove(self, doc_id: str) -> None:
        """Forget a document (KeyError when it is not indexed)."""
        del self._lengths[doc_id]
        for term in [t for t, docs in self._postings.items() if doc_id in docs]:
            docs = self._postings[term]
            del docs[doc_id]
            if not docs:  # a term no document holds any more is no term of the index
                del self._postings[term]

    def docs(self, term: str) -> dict[str, list[int]]:
        """doc_id -> positions, for the documents holding ``term`` (empty when none)."""
        return self._postings.get(term, {})

    def df(self, term: str) -> int:
        """How many documents hold ``term``."""
        return len(self.docs(term))

    def tf(self, term: str, doc_id: str) -> int:
        return len(self.docs(term).get(doc_id, ()))

    def terms(self) -> list[str]:
        """Every term some indexed document holds, sorted."""
        return sorted(self._postings)

    def length(self, doc_id: str) -> int:
        return self._lengths[doc_id]

    @property
    def n_docs(self) -> int:
        return len(self._lengths)

    def average_length(self) -> float:
        return sum(self._lengths.values()) / self.n_docs if self.n_docs else 0.0

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._lengths
