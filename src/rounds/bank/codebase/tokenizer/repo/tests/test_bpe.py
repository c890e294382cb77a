import unittest

from subword.bpe import merge_symbols, word_symbols
from subword.trainer import train_merges

RANKS = {("l", "o"): 0, ("lo", "w"): 1, ("e", "r</w>"): 2, ("lo", "w</w>"): 3}


class MergeTest(unittest.TestCase):
    def test_word_symbols(self):
        """a word's last character carries the end-of-word marker"""
        self.assertEqual(word_symbols("low"), ["l", "o", "w</w>"])
        self.assertEqual(word_symbols(""), [])

    def test_merges_in_rank_order(self):
        """the merges apply by rank, each making the pairs the next ones need"""
        self.assertEqual(merge_symbols(word_symbols("lower"), RANKS), ["low", "er</w>"])
        self.assertEqual(merge_symbols(word_symbols("low"), RANKS), ["low</w>"])

    def test_leftmost_first(self):
        """of two overlapping pairs of equal rank, the left one merges"""
        self.assertEqual(merge_symbols(["a", "a", "a"], {("a", "a"): 0}), ["aa", "a"])

    def test_nothing_to_merge(self):
        """symbols without a ranked pair come back as they are, in a new list"""
        symbols = ["x", "y"]
        got = merge_symbols(symbols, RANKS)
        self.assertEqual(got, ["x", "y"])
        self.assertIsNot(got, symbols)


class TrainTest(unittest.TestCase):
    def test_most_frequent_pair_first(self):
        """training merges the most frequent pair first, the smallest pair on a tie"""
        counts = {"low": 5, "lower": 2, "newest": 6, "widest": 3}
        self.assertEqual(train_merges(counts, 4), [("e", "s"), ("es", "t</w>"), ("l", "o"), ("e", "w")])


if __name__ == "__main__":
    unittest.main()
