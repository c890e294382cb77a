import unittest

from textindex.index import InvertedIndex


class IndexTest(unittest.TestCase):
    def setUp(self):
        self.index = InvertedIndex()
        self.index.add("d1", "reset your password from the login page")
        self.index.add("d2", "change the password of a shared account")

    def test_postings_and_positions(self):
        self.assertEqual(self.index.docs("password"), {"d1": [2], "d2": [2]})
        self.assertEqual(self.index.df("password"), 2)
        self.assertEqual(self.index.length("d1"), 5)

    def test_remove_forgets_the_document(self):
        self.index.remove("d1")
        self.assertEqual(self.index.df("password"), 1)
        self.assertNotIn("login", self.index.terms())
        self.assertNotIn("d1", self.index)

    def test_adding_again_replaces(self):
        self.index.add("d1", "billing questions")
        self.assertEqual(self.index.df("password"), 1)
        self.assertEqual(self.index.docs("billing"), {"d1": [0]})

    def test_average_length(self):
        self.index.add("d3", "refund")
        self.assertAlmostEqual(self.index.average_length(), (5 + 4 + 1) / 3)


if __name__ == "__main__":
    unittest.main()
