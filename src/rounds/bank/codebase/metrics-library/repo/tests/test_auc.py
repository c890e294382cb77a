import unittest

from evalkit.auc import roc_auc


class AucTest(unittest.TestCase):
    def test_perfect_and_reversed(self):
        self.assertEqual(roc_auc([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0]), 1.0)
        self.assertEqual(roc_auc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1]), 0.0)

    def test_mixed(self):
        self.assertEqual(roc_auc([0.9, 0.3, 0.6, 0.1], [1, 1, 0, 0]), 0.75)

    def test_one_class_only(self):
        with self.assertRaises(ValueError):
            roc_auc([0.5, 0.6], [1, 1])


if __name__ == "__main__":
    unittest.main()
