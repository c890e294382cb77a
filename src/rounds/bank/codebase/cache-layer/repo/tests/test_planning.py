import unittest

from cachekit.planning import belady_misses, lru_misses


class PlanningTest(unittest.TestCase):
    TRACE = list("abcdabeabcde")  # the textbook trace: 1 2 3 4 1 2 5 1 2 3 4 5

    def test_lru(self):
        self.assertEqual(lru_misses(self.TRACE, 3), 10)

    def test_belady(self):
        self.assertEqual(belady_misses(self.TRACE, 3), 7)

    def test_belady_never_worse_than_lru(self):
        for cap in (1, 2, 3, 4):
            self.assertLessEqual(belady_misses(self.TRACE, cap), lru_misses(self.TRACE, cap))


if __name__ == "__main__":
    unittest.main()
