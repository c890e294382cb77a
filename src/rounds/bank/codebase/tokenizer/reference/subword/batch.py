"""Post-processing: begin and end tokens, truncation, and padding a batch to one length."""

from __future__ import annotations

from collections.abc import Sequence

from subword.encoding import Encoding

Special = tuple[str, int]  # (token, id)


def add_special(enc: Encoding, bos: Special, eos: Special, max_length: int | None = None) -> Encoding:
    """``enc`` between the begin token ``bos`` and the end token ``eos``. With ``max_length`` the
    result is at most ``max_length`` tokens long, both special tokens included: the text's tokens
    are cut, never the end token (a model that never sees the end token never learns to stop).
    ValueError when ``max_length`` leaves no room for the two special tokens."""
    if max_length is not None and max_length < 2:
        raise ValueError("max_length must leave room for the begin and end tokens")
    if max_length is not None:
        enc = enc.truncated(max_length - 2)  # cut the text first, so the end token stays
    return Encoding.filler(*bos, 1) + enc + Encoding.filler(*eos, 1)


def pad_batch(encodings: Sequence[Encoding], pad: Special, side: str = "right",
              multiple_of: int | None = None) -> list[Encoding]:
    """The encodings padded with ``pad`` to the length of the longest, rounded up to a multiple of
    ``multiple_of`` when given; on the right, or on the left with ``side="left"`` (for a decoder
    that generates after the prompt). Padding has the offsets (0, 0), a special mask of 1 and an
    attention mask of 0. The encodings given are not modified."""
    if side not in ("left", "right"):
        raise ValueError(f"side is 'left' or 'right', not {side!r}")
    target = max((len(e) for e in encodings), default=0)
    if multiple_of:
        target = -(-target // multiple_of) * multiple_of
    out = []
    for enc in encodings:
        fill = Encoding.filler(*pad, target - len(enc), padding=True)
        out.append(fill + enc if side == "left" else enc + fill)
    return out


def as_columns(encodings: Sequence[Encoding]) -> dict[str, list[list[int]]]:
    """A padded batch as the model's inputs: ``input_ids`` and ``attention_mask``, a row each."""
    if len({len(e) for e in encodings}) > 1:
        raise ValueError("pad the batch first: its encodings have different lengths")
    return {"input_ids": [list(e.ids) for e in encodings],
            "attention_mask": [list(e.attention_mask) for e in encodings]}
