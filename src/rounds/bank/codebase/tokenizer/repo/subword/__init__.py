"""subword: the BPE tokenizer that prepares text for the team's language models.

Text is split around special tokens, normalized (NFKC, lower-cased on request), cut into words with
their offsets, and every word is split into subword tokens by applying the learned merges in rank
order. As in the original BPE, the last symbol of a word carries the end-of-word marker ``</w>``.
"""

from subword.batch import add_special, pad_batch
from subword.bpe import BPE, END, merge_symbols, word_symbols
from subword.encoding import Encoding
from subword.normalize import normalize
from subword.pretokenize import pre_tokenize
from subword.special import split_special
from subword.tokenizer import Tokenizer
from subword.trainer import train_merges
from subword.vocab import Vocab, format_merges, parse_merges

__all__ = ["BPE", "END", "Encoding", "Tokenizer", "Vocab", "add_special", "format_merges", "merge_symbols",
           "normalize", "pad_batch", "parse_merges", "pre_tokenize", "split_special", "train_merges",
           "word_symbols"]
