import math
import unittest

from evalkit.ranking import ndcg_at_k, precision_at_k, recall_at_k

RANKED = ["a", "b", "c", "d", "e"]
RELEVANT = {"a", "c", "x"}


class RankingTest(unittest.TestCase):
    def test_precision_at_k(self):
        self.assertEqual(precision_at_k(RANKED, RELEVANT, 3), 2 / 3)

    def test_recall_at_k(self):
        self.assertEqual(recall_at_k(RANKED, RELEVANT, 3), 2 / 3)

    def test_recall_at_1(self):
        # one of the three relevant items is in the top 1: recall@1 is 1/3 (1.0 is precision@1)
        self.assertEqual(recall_at_k(RANKED, RELEVANT, 1), 1 / 3)

    def test_ndcg_at_k(self):
        dcg = 1 / math.log2(2) + 1 / math.log2(4)
        ideal = 1 / math.log2(2) + 1 / math.log2(3) + 1 / math.log2(4)
        self.assertAlmostEqual(ndcg_at_k(RANKED, RELEVANT, 5), dcg / ideal)

    def test_perfect_ranking(self):
        self.assertAlmostEqual(ndcg_at_k(["a", "c", "q"], {"a", "c"}, 3), 1.0)


if __name__ == "__main__":
    unittest.main()
