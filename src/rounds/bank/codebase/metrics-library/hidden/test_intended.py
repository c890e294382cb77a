import math
import random
import unittest

from evalkit.aggregate import macro_average
from evalkit.auc import roc_auc
from evalkit.calibration import expected_calibration_error
from evalkit.confusion import Confusion
from evalkit.ranking import ndcg_at_k, recall_at_k


def pairs_auc(scores, labels):
    pos = [s for s, y in zip(scores, labels) if y]
    neg = [s for s, y in zip(scores, labels) if not y]
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


class Ratios(unittest.TestCase):
    def test_empty_confusion(self):
        """every ratio of an empty confusion is 0.0"""
        c = Confusion()
        self.assertEqual((c.precision, c.recall, c.f1), (0.0, 0.0, 0.0))


class Ranking(unittest.TestCase):
    def test_recall_counts_every_relevant_item(self):
        """recall@k divides by the number of relevant items, also when k is larger"""
        self.assertEqual(recall_at_k(["a", "b"], {"a", "z", "y", "x"}, 10), 0.25)
        self.assertEqual(recall_at_k(["a", "b", "c"], {"a", "b", "x", "y"}, 2), 0.5)
        self.assertEqual(recall_at_k(["a"], set(), 3), 0.0)

    def test_ndcg_with_a_short_ranking(self):
        """NDCG uses log2(rank + 1) and an ideal ranking of at most k relevant items"""
        got = ndcg_at_k(["q", "a"], {"a", "b", "c"}, 2)
        self.assertAlmostEqual(got, (1 / math.log2(3)) / (1 + 1 / math.log2(3)))
        self.assertEqual(ndcg_at_k(["q"], set(), 1), 0.0)


class Calibration(unittest.TestCase):
    def test_bin_edges(self):
        """0.0 is in the first bin, 1.0 in the last, and an edge opens the next bin"""
        got = expected_calibration_error([0.0, 0.5, 1.0], [0, 1, 1], n_bins=2)
        self.assertAlmostEqual(got, 2 / 3 * abs(0.75 - 1.0))
        self.assertAlmostEqual(expected_calibration_error([1.0], [1], n_bins=1), 0.0)


class Macro(unittest.TestCase):
    def test_unweighted(self):
        """a macro average gives every segment the same weight"""
        per = {"a": Confusion(tp=1), "b": Confusion(fn=1000), "c": Confusion(tp=1, fn=1)}
        self.assertAlmostEqual(macro_average(per, lambda c: c.recall), 0.5)
        self.assertEqual(macro_average({}, lambda c: c.recall), 0.0)


class Auc(unittest.TestCase):
    def test_ties_count_one_half(self):
        """a positive and a negative with equal scores count one half"""
        self.assertEqual(roc_auc([0.5, 0.5], [1, 0]), 0.5)
        self.assertEqual(roc_auc([0.7, 0.5, 0.5, 0.2], [1, 1, 0, 0]), 0.875)

    def test_all_tied(self):
        """every score equal gives 0.5"""
        self.assertEqual(roc_auc([3] * 6, [1, 0, 1, 0, 0, 1]), 0.5)

    def test_random_against_pairs(self):
        """random scores with ties agree with counting every pair"""
        rng = random.Random(9)
        for _ in range(80):
            n = rng.randint(2, 60)
            labels = [rng.randint(0, 1) for _ in range(n)]
            labels[0], labels[1] = 1, 0
            scores = [rng.choice([0.1, 0.2, 0.3, 0.5, 0.8]) if rng.random() < 0.5 else rng.random() for _ in range(n)]
            self.assertAlmostEqual(roc_auc(scores, labels), pairs_auc(scores, labels), places=12)

    def test_errors(self):
        """different lengths or a single class are ValueErrors"""
        with self.assertRaises(ValueError):
            roc_auc([0.1, 0.2], [1])
        with self.assertRaises(ValueError):
            roc_auc([0.1, 0.2], [0, 0])

    def test_inputs_left_alone(self):
        """scores and labels are not reordered"""
        scores, labels = [0.9, 0.1, 0.5], [1, 0, 0]
        roc_auc(scores, labels)
        self.assertEqual((scores, labels), ([0.9, 0.1, 0.5], [1, 0, 0]))

    def test_integer_scores_and_boolean_labels(self):
        """scores may be integers and labels booleans"""
        self.assertEqual(roc_auc([3, 1, 2], [True, False, True]), 1.0)


if __name__ == "__main__":
    unittest.main()
