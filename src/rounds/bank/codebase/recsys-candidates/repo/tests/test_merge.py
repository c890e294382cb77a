import unittest

from candgen.merge import allocate, merge

HALVES = [("covisit", 0.5), ("popular", 0.5)]


class AllocateTest(unittest.TestCase):
    def test_even_split(self):
        self.assertEqual(allocate(HALVES, 4), {"covisit": 2, "popular": 2})

    def test_thirds_add_up_to_k(self):
        thirds = [("a", 1 / 3), ("b", 1 / 3), ("c", 1 / 3)]
        self.assertEqual(allocate(thirds, 10), {"a": 4, "b": 3, "c": 3})


class MergeTest(unittest.TestCase):
    def test_an_item_is_taken_once(self):
        got = merge({"covisit": [1, 2, 3], "popular": [2, 4, 5]}, HALVES, 4)
        self.assertEqual(got, [(1, "covisit"), (2, "covisit"), (4, "popular"), (5, "popular")])

    def test_a_short_source_leaves_its_slots_to_the_others(self):
        got = merge({"covisit": [1], "popular": [7, 8, 9, 10]}, HALVES, 4)
        self.assertEqual(got, [(1, "covisit"), (7, "popular"), (8, "popular"), (9, "popular")])

    def test_refused_items_are_passed_over(self):
        got = merge({"covisit": [1, 2, 3], "popular": [4, 5, 6]}, HALVES, 4, allows=lambda item: item % 2 == 1)
        self.assertEqual(got, [(1, "covisit"), (3, "covisit"), (5, "popular")])


if __name__ == "__main__":
    unittest.main()
