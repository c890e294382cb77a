import unittest

from evalkit.confusion import Confusion, confusion


class ConfusionTest(unittest.TestCase):
    def test_counts(self):
        self.assertEqual(confusion([1, 1, 0, 0, 1], [1, 0, 1, 0, 1]), Confusion(tp=2, fp=1, fn=1, tn=1))

    def test_ratios(self):
        c = Confusion(tp=3, fp=1, fn=2, tn=4)
        self.assertEqual(c.precision, 0.75)
        self.assertEqual(c.recall, 0.6)
        self.assertAlmostEqual(c.f1, 2 * 0.75 * 0.6 / 1.35)

    def test_no_positive_prediction(self):
        c = confusion([1, 0, 1], [0, 0, 0])
        self.assertEqual((c.precision, c.recall, c.f1), (0.0, 0.0, 0.0))

    def test_lengths_must_match(self):
        with self.assertRaises(ValueError):
            confusion([1, 0], [1])


if __name__ == "__main__":
    unittest.main()
