"""The tokenizer: text to ids and back, as the data pipeline and the model server use it.

``encode`` splits the text around special tokens, normalizes each plain segment, pre-tokenizes it
into words and splits every word with BPE. A token's offsets index ``Encoding.normalized``, the
normalized segments and the special tokens one after the other. ``decode`` gives the words back,
separated by single spaces: whitespace is not kept in the ids, so decoding gives the normalized words,
not the original spacing (the offsets are there for that).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from subword.batch import add_special, pad_batch
from subword.bpe import BPE, END, Pair
from subword.encoding import Encoding
from subword.normalize import normalize
from subword.pretokenize import pre_tokenize, word_counts
from subword.special import split_special
from subword.trainer import base_symbols, train_merges
from subword.vocab import Vocab, format_merges, parse_merges

ROLES = ("pad", "unk", "bos", "eos")


class Tokenizer:
    def __init__(self, vocab: Vocab, merges: Mapping[Pair, int] | Sequence[Pair], *, lowercase: bool = False,
                 pad: str = "<pad>", unk: str = "<unk>", bos: str = "<s>", eos: str = "</s>",
                 specials: Iterable[str] = ()) -> None:
        self.vocab = vocab
        self.ranks = dict(merges) if isinstance(merges, Mapping) else {p: r for r, p in reversed(list(enumerate(merges)))}
        self.lowercase = lowercase
        self.roles = {"pad": pad, "unk": unk, "bos": bos, "eos": eos}
        self.special_tokens = list(dict.fromkeys([pad, unk, bos, eos, *specials]))
        for t in self.special_tokens:
            if t not in vocab:
                raise ValueError(f"the special token {t!r} is not in the vocabulary")
        self._specials = frozenset(self.special_tokens)
        self.bpe = BPE(self.ranks)

    def _special(self, role: str) -> tuple[str, int]:
        token = self.roles[role]
        return token, self.vocab.id(token)

    def token_to_id(self, token: str) -> int:
        """The token's id, or the unknown token's when it is not in the vocabulary."""
        id_ = self.vocab.get(token)
        return self.vocab.id(self.roles["unk"]) if id_ is None else id_

    def id_to_token(self, id_: int) -> str:
        return self.vocab.token(id_)

    def encode(self, text: str, *, add_special_tokens: bool = True, max_length: int | None = None) -> Encoding:
        """The encoding of ``text``: between the begin and end tokens unless told otherwise, cut to
        ``max_length`` tokens when given. A token missing from the vocabulary becomes the unknown
        token (its offsets still say where it comes from)."""
        unk = self.roles["unk"]
        ids: list[int] = []
        tokens: list[str] = []
        offsets: list[tuple[int, int]] = []
        special: list[int] = []
        parts: list[str] = []
        base = 0
        for segment, is_special in split_special(text, self.special_tokens):
            if is_special:
                ids.append(self.vocab.id(segment))
                tokens.append(segment)
                offsets.append((base, base + len(segment)))
                special.append(1)
            else:
                segment = normalize(segment, self.lowercase)
                for word, (start, _) in pre_tokenize(segment):
                    pos = base + start
                    for tok in self.bpe.tokenize_word(word):
                        width = len(tok) - len(END) if tok.endswith(END) else len(tok)
                        id_ = self.vocab.get(tok)
                        ids.append(self.vocab.id(unk) if id_ is None else id_)
                        tokens.append(unk if id_ is None else tok)
                        offsets.append((pos, pos + width))
                        special.append(0)
                        pos += width
            parts.append(segment)
            base += len(segment)
        enc = Encoding(ids, tokens, offsets, special, normalized="".join(parts))
        if add_special_tokens:
            return add_special(enc, self._special("bos"), self._special("eos"), max_length)
        return enc if max_length is None else enc.truncated(max_length)

    def encode_batch(self, texts: Sequence[str], *, add_special_tokens: bool = True, max_length: int | None = None,
                     side: str = "right", multiple_of: int | None = None) -> list[Encoding]:
        """Every text encoded, then padded to one length (see ``pad_batch``)."""
        encs = [self.encode(t, add_special_tokens=add_special_tokens, max_length=max_length) for t in texts]
        return pad_batch(encs, self._special("pad"), side=side, multiple_of=multiple_of)

    def decode(self, ids: Iterable[int], *, skip_special_tokens: bool = True) -> str:
        """The words of ``ids`` separated by single spaces; a special token is a word of its own,
        left out with ``skip_special_tokens``. A word cut short (no end marker) ends the text as is."""
        words: list[str] = []
        current = ""
        for id_ in ids:
            tok = self.vocab.token(id_)
            if tok in self._specials:
                if current:
                    words.append(current)
                    current = ""
                if not skip_special_tokens:
                    words.append(tok)
            elif tok.endswith(END):
                words.append(current + tok[: -len(END)])
                current = ""
            else:
                current += tok
        if current:
            words.append(current)
        return " ".join(words)

    def save(self, folder: str | Path) -> None:
        """``vocab.json``, ``merges.txt`` and ``tokenizer.json`` (the settings) in ``folder``."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        self.vocab.save(folder / "vocab.json")
        (folder / "merges.txt").write_text(format_merges(self.ranks), encoding="utf-8")
        extra = [t for t in self.special_tokens if t not in self.roles.values()]
        settings = {"lowercase": self.lowercase, **self.roles, "specials": extra}
        (folder / "tokenizer.json").write_text(json.dumps(settings, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, folder: str | Path) -> Tokenizer:
        folder = Path(folder)
        settings = json.loads((folder / "tokenizer.json").read_text(encoding="utf-8"))
        ranks = parse_merges((folder / "merges.txt").read_text(encoding="utf-8"))
        return cls(Vocab.load(folder / "vocab.json"), ranks, lowercase=settings["lowercase"],
                   specials=settings.get("specials", ()), **{r: settings[r] for r in ROLES})

    @classmethod
    def train(cls, texts: Iterable[str], num_merges: int, *, lowercase: bool = False, min_frequency: int = 2,
              specials: Iterable[str] = ()) -> Tokenizer:
        """A tokenizer trained on ``texts``: the special tokens first (pad, unk, bos, eos, then
        ``specials``), then every starting symbol, sorted, then the merged tokens in merge order."""
        counts = word_counts(normalize(t, lowercase) for t in texts)
        merges = train_merges(counts, num_merges, min_frequency)
        specials = list(specials)
        vocab = Vocab(["<pad>", "<unk>", "<s>", "</s>", *specials, *base_symbols(counts), *(a + b for a, b in merges)])
        return cls(vocab, merges, lowercase=lowercase, specials=specials)
