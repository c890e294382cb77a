import os
import random
import tempfile
import unittest

from subword.batch import add_special, pad_batch
from subword.bpe import merge_symbols
from subword.encoding import Encoding
from subword.normalize import normalize
from subword.pretokenize import WORD, pre_tokenize
from subword.special import split_special
from subword.tokenizer import Tokenizer
from subword.vocab import Vocab, format_merges, parse_merges

BOS, EOS, PAD = ("<s>", 1), ("</s>", 2), ("<pad>", 0)


def rescan(symbols, ranks):
    """The contract, step by step: the lowest-ranked pair, the leftmost on equal ranks, one at a time."""
    s = list(symbols)
    while True:
        found = [(ranks[p], i) for i, p in enumerate(zip(s, s[1:])) if p in ranks]
        if not found:
            return s
        _, i = min(found)
        s[i:i + 2] = [s[i] + s[i + 1]]


def encoding(n):
    return Encoding([10 + i for i in range(n)], [f"t{i}" for i in range(n)], [(i, i + 1) for i in range(n)],
                    normalized="x" * n)


class Normalize(unittest.TestCase):
    def test_no_capital_survives(self):
        """lower-casing comes after NFKC: bold, double-struck and Roman-numeral capitals end lower-case"""
        self.assertEqual(normalize("𝐀𝐁𝐂 ℍ Ⅻ ＸＹ", lowercase=True), "abc h xii xy")

    def test_case_kept_without_lowercase(self):
        """without lower-casing, NFKC keeps the case it finds"""
        self.assertEqual(normalize("𝐀b ﬂ"), "Ab fl")


class PreTokenize(unittest.TestCase):
    def test_leading_whitespace_tabs_and_newlines(self):
        """offsets count leading whitespace, tabs and runs of line breaks"""
        self.assertEqual(pre_tokenize("  a\tb\n\n c."), [("a", (2, 3)), ("b", (4, 5)), ("c", (8, 9)), (".", (9, 10))])

    def test_spans_slice_the_text(self):
        """on random text with accents and odd spacing, every span slices out its word, in order"""
        rng = random.Random(7)
        pieces = ["café", "naïve", "日本語", "x_1", "!", ",", " ", "  ", "\t", "\n", "über", "42"]
        for _ in range(200):
            text = "".join(rng.choices(pieces, k=rng.randint(0, 12)))
            got = pre_tokenize(text)
            self.assertEqual([w for w, _ in got], WORD.findall(text))
            for word, (s, e) in got:
                self.assertEqual(text[s:e], word)


class Merges(unittest.TestCase):
    def test_hash_merges_after_the_header(self):
        """only a first line starting with #version is a header: '# #' is a merge"""
        self.assertEqual(parse_merges("#version: 0.2\n# #\n## a\n"), {("#", "#"): 0, ("##", "a"): 1})
        self.assertEqual(parse_merges("# #\na b\n"), {("#", "#"): 0, ("a", "b"): 1})

    def test_ranks_from_zero_whatever_the_header(self):
        """with or without the header, blank lines and repeats aside, ranks count from 0"""
        body = "l o\n\nlo w\nl o\ne r\n"
        want = {("l", "o"): 0, ("lo", "w"): 1, ("e", "r"): 2}
        self.assertEqual(parse_merges(body), want)
        self.assertEqual(parse_merges("#version: 0.2\n" + body), want)
        self.assertEqual(parse_merges(format_merges(want)), want)

    def test_vocab_file(self):
        """a vocabulary file whose ids are not 0 to n - 1 is refused"""
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "vocab.json")
            with open(path, "w", encoding="utf-8") as f:
                f.write('{"a": 0, "b": 2}')
            with self.assertRaises(ValueError):
                Vocab.load(path)


class Truncation(unittest.TestCase):
    def test_every_length(self):
        """for every text length and max_length: at most max_length tokens, begin and end kept, fields aligned"""
        for n in range(7):
            for max_length in range(2, 10):
                enc = add_special(encoding(n), BOS, EOS, max_length=max_length)
                keep = min(n, max_length - 2)
                self.assertEqual(enc.ids, [1, *range(10, 10 + keep), 2])
                self.assertEqual(enc.special_mask, [1, *[0] * keep, 1])
                self.assertEqual(enc.offsets, [(0, 0), *[(i, i + 1) for i in range(keep)], (0, 0)])
                self.assertEqual(len(enc.tokens), keep + 2)

    def test_short_text_unchanged(self):
        """a text that fits is only wrapped: one begin token, one end token"""
        enc = add_special(encoding(1), BOS, EOS, max_length=8)
        self.assertEqual(enc.tokens, ["<s>", "t0", "</s>"])

    def test_too_short_a_limit(self):
        """max_length below 2 leaves no room for the special tokens"""
        with self.assertRaises(ValueError):
            add_special(encoding(3), BOS, EOS, max_length=1)


class Padding(unittest.TestCase):
    def test_left_and_multiple(self):
        """left padding masks the front; multiple_of rounds the length up"""
        a, b = pad_batch([encoding(1), encoding(3)], PAD, side="left", multiple_of=4)
        self.assertEqual(a.ids, [0, 0, 0, 10])
        self.assertEqual(a.attention_mask, [0, 0, 0, 1])
        self.assertEqual(b.ids, [0, 10, 11, 12])
        self.assertEqual(pad_batch([], PAD), [])


class Core(unittest.TestCase):
    def test_one_merge_at_a_time(self):
        """a pair a merge has just made merges before the rest of the pairs of higher rank"""
        ranks = {("a", "b"): 1, ("ab", "a"): 0}
        self.assertEqual(merge_symbols(list("abab"), ranks), ["aba", "b"])

    def test_leftmost_of_equal_ranks(self):
        """equal ranks: the leftmost pair first, even between different pairs"""
        self.assertEqual(merge_symbols(list("aaaa"), {("a", "a"): 0}), ["aa", "aa"])
        self.assertEqual(merge_symbols(list("xyz"), {("x", "y"): 5, ("y", "z"): 5}), ["xy", "z"])
        self.assertEqual(merge_symbols(list("xyz"), {("x", "y"): 6, ("y", "z"): 5}), ["x", "yz"])

    def test_edges(self):
        """no symbols, one symbol, a tuple input left as it was"""
        self.assertEqual(merge_symbols([], {("a", "b"): 0}), [])
        self.assertEqual(merge_symbols(["a"], {("a", "b"): 0}), ["a"])
        symbols = ("a", "b", "c")
        self.assertEqual(merge_symbols(symbols, {("b", "c"): 0, ("a", "bc"): 1}), ["abc"])
        self.assertEqual(symbols, ("a", "b", "c"))

    def test_random_against_the_contract(self):
        """random symbols and rank tables (shared ranks and late pairs included) agree with merging step by step"""
        rng = random.Random(11)
        for _ in range(300):
            alphabet = "abc"[: rng.randint(1, 3)]
            symbols = rng.choices(alphabet, k=rng.randint(0, 25))
            grams = sorted({"".join(rng.choices(alphabet, k=rng.randint(1, 3))) for _ in range(12)})
            ranks = {(rng.choice(grams), rng.choice(grams)): rng.randint(0, 6) for _ in range(rng.randint(0, 12))}
            self.assertEqual(merge_symbols(symbols, ranks), rescan(symbols, ranks), (symbols, ranks))


class TokenizerEnd2End(unittest.TestCase):
    def setUp(self):
        corpus = ["the lowest newer widest lower low", "Newest, LOWEST! lower: new", "widest low low newest"] * 3
        self.tok = Tokenizer.train(corpus, 30, lowercase=True, specials=["<|sep|>"])

    def test_offsets_point_at_the_text(self):
        """each token's offsets slice out its characters (without the end marker) of the normalized text"""
        enc = self.tok.encode("  𝐋owest,\tnewer<|sep|>widest  low", add_special_tokens=False)
        for token, (s, e), special in zip(enc.tokens, enc.offsets, enc.special_mask):
            self.assertEqual(enc.normalized[s:e], token if special else token.removesuffix("</w>"))
        self.assertIn("<|sep|>", enc.tokens)

    def test_decode_and_limits(self):
        """decoding gives the normalized words; max_length keeps the end token"""
        text = "Lowest newer, WIDEST low"
        enc = self.tok.encode(text)
        self.assertEqual(self.tok.decode(enc.ids), "lowest newer , widest low")
        short = self.tok.encode(text, max_length=4)
        self.assertEqual(len(short), 4)
        self.assertEqual(short.tokens[-1], "</s>")

    def test_special_tokens_split_first(self):
        """special tokens are whole segments, the longest where two could match"""
        self.assertEqual(split_special("a<|sep|>b<s>", ["<s>", "<|sep|>"]),
                         [("a", False), ("<|sep|>", True), ("b", False), ("<s>", True)])
        self.assertEqual(split_special("<ab>c", ["<a", "<ab>"]), [("<ab>", True), ("c", False)])


if __name__ == "__main__":
    unittest.main()
