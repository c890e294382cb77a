import math
import unittest

from textindex.index import InvertedIndex
from textindex.scoring import B, K1, bm25, idf


class ScoringTest(unittest.TestCase):
    def setUp(self):
        self.index = InvertedIndex()
        self.index.add("a", "refund refund card")
        self.index.add("b", "card declined at checkout today")
        self.index.add("c", "gift card balance")

    def test_idf_of_a_rare_term(self):
        self.assertAlmostEqual(idf(self.index, "refund"), math.log(1 + (3 - 1 + 0.5) / (1 + 0.5)))

    def test_idf_of_a_term_in_every_document(self):
        # Lucene's idf never reaches 0: ln(1 + 0.5 / 3.5). The classic formula without the 1 + ...
        # would give a negative weight; this module documents Lucene's.
        self.assertAlmostEqual(idf(self.index, "card"), math.log(1 + 0.5 / 3.5))
        self.assertGreater(idf(self.index, "card"), 0.0)

    def test_bm25_by_hand(self):
        avg = (3 + 4 + 3) / 3
        tf = 2
        want = idf(self.index, "refund") * tf * (K1 + 1) / (tf + K1 * (1 - B + B * 3 / avg))
        self.assertAlmostEqual(bm25(self.index, "a", ["refund"]), want)


if __name__ == "__main__":
    unittest.main()
