import unittest

from evalkit.report import review_table


class ReportTest(unittest.TestCase):
    def test_table(self):
        table = review_table(["us", "us", "de", "de"], [1, 0, 1, 0], [0.9, 0.2, 0.4, 0.6])
        self.assertEqual(table.splitlines(), [
            "segment  n  precision  recall  f1",
            "de       2  0.000      0.000   0.000",
            "us       2  1.000      1.000   1.000",
            "macro    4  0.500      0.500   0.500",
            "AUC 0.750",
        ])

    def test_one_class_only(self):
        self.assertTrue(review_table(["us"], [1], [0.9]).endswith("AUC n/a (ROC AUC needs at least one positive "
                                                                  "and one negative label)"))


if __name__ == "__main__":
    unittest.main()
