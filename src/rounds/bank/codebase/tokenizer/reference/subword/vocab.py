"""The vocabulary (token <-> id) and the merges file.

``vocab.json`` maps every token to its id, the ids being 0 to n - 1. ``merges.txt`` holds one merge
a line, its two symbols separated by a space, in rank order. Its first line may be a version header
(``#version: 0.2``), which is not a merge; only the first line can be one: a later line that starts
with ``#`` is a merge like any other (``# #`` joins two hashes).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

HEADER = "#version"

Pair = tuple[str, str]


class Vocab:
    """Tokens and their ids, in the order they were added."""

    def __init__(self, tokens: Iterable[str] = ()) -> None:
        self._ids: dict[str, int] = {}
        self._tokens: list[str] = []
        for t in tokens:
            self.add(t)

    def add(self, token: str) -> int:
        """The token's id, the next free one when the token is new."""
        if token not in self._ids:
            self._ids[token] = len(self._tokens)
            self._tokens.append(token)
        return self._ids[token]

    def id(self, token: str) -> int:
        """The id of ``token`` (KeyError when it is not in the vocabulary)."""
        return self._ids[token]

    def get(self, token: str, default: int | None = None) -> int | None:
        return self._ids.get(token, default)

    def token(self, id_: int) -> str:
        """The token of ``id_`` (KeyError when no token has it)."""
        if not 0 <= id_ < len(self._tokens):
            raise KeyError(id_)
        return self._tokens[id_]

    def __contains__(self, token: object) -> bool:
        return token in self._ids

    def __len__(self) -> int:
        return len(self._tokens)

    def __iter__(self) -> Iterator[str]:
        return iter(self._tokens)

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self._ids, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> Vocab:
        """A vocabulary saved by ``save``: ValueError unless the ids are 0 to n - 1."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(data, dict) or sorted(data.values()) != list(range(len(data))):
            raise ValueError(f"{path}: a vocabulary maps its tokens to the ids 0 to n - 1")
        return cls(sorted(data, key=data.__getitem__))


def parse_merges(text: str) -> dict[Pair, int]:
    """The ranks of the merges in a merges file's text, in order from 0: the pair on the first
    merge line has rank 0, the next pair 1, and so on. The version header and blank lines are
    skipped; a pair given twice keeps its first rank. ValueError, with the line number, for a line
    that is not two symbols."""
    ranks: dict[Pair, int] = {}
    lines = text.splitlines()
    first = 1 if lines and lines[0].startswith(HEADER) else 0  # the header is optional, and only ever first
    for n, line in enumerate(lines[first:], first + 1):
        if not line.strip():
            continue
        parts = line.split()
        if len(parts) != 2:
            raise ValueError(f"merges line {n}: a merge is two symbols separated by a space, not {line!r}")
        ranks.setdefault((parts[0], parts[1]), len(ranks))
    return ranks


def format_merges(ranks: Mapping[Pair, int] | Iterable[Pair]) -> str:
    """The text of a merges file, with its header: the pairs in rank order (or in the order given)."""
    pairs = sorted(ranks, key=ranks.__getitem__) if isinstance(ranks, Mapping) else list(ranks)
    return "".join([f"{HEADER}: 0.2\n", *(f"{a} {b}\n" for a, b in pairs)])
