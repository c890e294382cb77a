"""Documents, and the store that hands them to the index."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    doc_id: str
    title: str
    body: str

    @property
    def text(self) -> str:
        """What is indexed: the title, then the body."""
        return f"{self.title}\n{self.body}"


class DocumentStore:
    """Documents by id, in the order they were added."""

    def __init__(self, docs: Iterable[Document] = ()) -> None:
        self._docs: dict[str, Document] = {}
        for d in docs:
            self.put(d)

    def put(self, doc: Document) -> None:
        if not doc.doc_id:
            raise ValueError("a document needs an id")
        self._docs[doc.doc_id] = doc

    def get(self, doc_id: str) -> Document:
        return self._docs[doc_id]

    def delete(self, doc_id: str) -> None:
        del self._docs[doc_id]

    def __iter__(self) -> Iterator[Document]:
        return iter(list(self._docs.values()))

    def __len__(self) -> int:
        return len(self._docs)

    @classmethod
    def from_jsonl(cls, lines: Iterable[str]) -> DocumentStore:
        """One JSON object per line with ``id``, ``title`` and ``body``; blank lines are skipped."""
        store = cls()
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                store.put(Document(str(row["id"]), str(row.get("title", "")), str(row.get("body", ""))))
            except (ValueError, KeyError) as exc:
                raise ValueError(f"line {n}: {exc}") from None
        return store
