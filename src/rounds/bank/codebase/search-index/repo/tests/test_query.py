import unittest

from textindex.index import InvertedIndex
from textindex.query import parse_query, search


class QueryTest(unittest.TestCase):
    def setUp(self):
        self.index = InvertedIndex()
        for doc_id, text in [("d3", "refund to card"), ("d1", "refund to card"), ("d2", "paypal refund"),
                             ("d4", "shipping times")]:
            self.index.add(doc_id, text)

    def test_parse(self):
        q = parse_query("Refund -PayPal the card refund")
        self.assertEqual(q.terms, ("refund", "card"))
        self.assertEqual(q.excluded, ("paypal",))

    def test_equal_scores_in_id_order(self):
        self.assertEqual([d for d, _ in search(self.index, "card")], ["d1", "d3"])

    def test_exclusion_and_k(self):
        got = search(self.index, "refund -paypal", k=1)
        self.assertEqual([d for d, _ in got], ["d1"])


if __name__ == "__main__":
    unittest.main()
