import tempfile
import unittest

from subword.tokenizer import Tokenizer
from subword.vocab import Vocab

TOKENS = ["<pad>", "<unk>", "<s>", "</s>", "e", "l", "n", "o", "r", "w", "o</w>", "r</w>", "w</w>",
          "lo", "low", "er</w>", "low</w>", "ne"]
MERGES = [("l", "o"), ("lo", "w"), ("e", "r</w>"), ("lo", "w</w>"), ("n", "e")]


def tokenizer(**kw):
    return Tokenizer(Vocab(TOKENS), MERGES, **kw)


class EncodeTest(unittest.TestCase):
    def test_tokens_and_offsets(self):
        """every word is split by the merges; offsets point into the text"""
        enc = tokenizer().encode("low lower newer", add_special_tokens=False)
        self.assertEqual(enc.tokens, ["low</w>", "low", "er</w>", "ne", "w", "er</w>"])
        self.assertEqual(enc.offsets, [(0, 3), (4, 7), (7, 9), (10, 12), (12, 13), (13, 15)])
        self.assertEqual(enc.ids, [16, 14, 15, 17, 9, 15])

    def test_begin_and_end_tokens(self):
        """encode adds the begin and end tokens by default"""
        self.assertEqual(tokenizer().encode("low").tokens, ["<s>", "low</w>", "</s>"])

    def test_special_token_in_the_text(self):
        """a special token in the text stays whole"""
        enc = tokenizer().encode("low</s>low", add_special_tokens=False)
        self.assertEqual(enc.tokens, ["low</w>", "</s>", "low</w>"])
        self.assertEqual(enc.offsets, [(0, 3), (3, 7), (7, 10)])

    def test_unknown_characters(self):
        """a character outside the vocabulary becomes the unknown token"""
        self.assertEqual(tokenizer().encode("zoo", add_special_tokens=False).tokens, ["<unk>", "o", "o</w>"])

    def test_lowercase(self):
        """a lower-casing tokenizer reads styled capitals as plain letters"""
        enc = tokenizer(lowercase=True).encode("LOW 𝐋𝐨𝐰", add_special_tokens=False)
        self.assertEqual(enc.tokens, ["low</w>", "low</w>"])


class DecodeTest(unittest.TestCase):
    def test_round_trip(self):
        """decoding gives the words back"""
        tok = tokenizer()
        self.assertEqual(tok.decode(tok.encode("low lower newer").ids), "low lower newer")
        self.assertEqual(tok.decode(tok.encode("low").ids, skip_special_tokens=False), "<s> low </s>")

    def test_save_and_load(self):
        """a saved tokenizer loads and encodes the same"""
        tok = tokenizer(lowercase=True)
        with tempfile.TemporaryDirectory() as d:
            tok.save(d)
            again = Tokenizer.load(d)
        self.assertEqual(again.encode("Lower newer").ids, tok.encode("Lower newer").ids)


if __name__ == "__main__":
    unittest.main()
