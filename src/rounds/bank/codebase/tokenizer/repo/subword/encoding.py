"""One encoded text: the ids, the tokens, their offsets and masks, all aligned."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Encoding:
    """``ids[i]`` is ``tokens[i]``'s id; ``offsets[i]`` is the span ``(start, end)`` of
    ``normalized`` it comes from ((0, 0) for the tokens the tokenizer adds: begin, end, padding);
    ``special_mask[i]`` is 1 for a special token and ``attention_mask[i]`` 0 for padding. The masks
    default to no special token and no padding."""

    ids: list[int]
    tokens: list[str]
    offsets: list[tuple[int, int]]
    special_mask: list[int] = field(default_factory=list)
    attention_mask: list[int] = field(default_factory=list)
    normalized: str = ""

    def __post_init__(self) -> None:
        n = len(self.ids)
        if not self.special_mask:
            self.special_mask = [0] * n
        if not self.attention_mask:
            self.attention_mask = [1] * n
        if not len(self.tokens) == len(self.offsets) == len(self.special_mask) == len(self.attention_mask) == n:
            raise ValueError("an encoding has one token, offset and mask entry per id")

    def __len__(self) -> int:
        return len(self.ids)

    def __add__(self, other: Encoding) -> Encoding:
        """The two encodings one after the other (the normalized text of the first that has one)."""
        return Encoding(self.ids + other.ids, self.tokens + other.tokens, self.offsets + other.offsets,
                        self.special_mask + other.special_mask, self.attention_mask + other.attention_mask,
                        self.normalized or other.normalized)

    def truncated(self, length: int) -> Encoding:
        """The first ``length`` tokens (all of them when there are fewer)."""
        length = max(length, 0)
        return Encoding(self.ids[:length], self.tokens[:length], self.offsets[:length],
                        self.special_mask[:length], self.attention_mask[:length], self.normalized)

    @classmethod
    def filler(cls, token: str, id_: int, count: int, *, padding: bool = False) -> Encoding:
        """``count`` copies of a special token the tokenizer adds (padding when ``padding``)."""
        return cls([id_] * count, [token] * count, [(0, 0)] * count, [1] * count,
                   [0 if padding else 1] * count)
