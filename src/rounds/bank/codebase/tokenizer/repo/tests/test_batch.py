import unittest

from subword.batch import add_special, as_columns, pad_batch
from subword.encoding import Encoding

BOS, EOS, PAD = ("<s>", 1), ("</s>", 2), ("<pad>", 0)


def encoding(n):
    """n tokens t0, t1, ... with ids 10, 11, ..., each one character of the text."""
    return Encoding([10 + i for i in range(n)], [f"t{i}" for i in range(n)], [(i, i + 1) for i in range(n)],
                    normalized="x" * n)


class AddSpecialTest(unittest.TestCase):
    def test_begin_and_end(self):
        """the begin and end tokens surround the text's tokens"""
        enc = add_special(encoding(2), BOS, EOS)
        self.assertEqual(enc.ids, [1, 10, 11, 2])
        self.assertEqual(enc.special_mask, [1, 0, 0, 1])
        self.assertEqual(enc.offsets, [(0, 0), (0, 1), (1, 2), (0, 0)])

    def test_truncation_keeps_the_end_token(self):
        """a long text is cut to max_length tokens, and still ends with the end token"""
        enc = add_special(encoding(5), BOS, EOS, max_length=4)
        self.assertEqual(enc.ids, [1, 10, 11, 2])
        self.assertEqual(enc.tokens, ["<s>", "t0", "t1", "</s>"])


class PadTest(unittest.TestCase):
    def test_right_padding(self):
        """shorter encodings get padding on the right, masked out"""
        a, b = pad_batch([encoding(2), encoding(4)], PAD)
        self.assertEqual(a.ids, [10, 11, 0, 0])
        self.assertEqual(a.attention_mask, [1, 1, 0, 0])
        self.assertEqual(b.ids, [10, 11, 12, 13])
        self.assertEqual(as_columns([a, b])["attention_mask"], [[1, 1, 0, 0], [1, 1, 1, 1]])


if __name__ == "__main__":
    unittest.main()
