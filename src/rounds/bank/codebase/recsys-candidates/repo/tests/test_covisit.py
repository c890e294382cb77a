import unittest

from candgen.covisit import covisit_topk

SESSIONS = [[1, 2, 3], [2, 3, 4, 2], [5]]


class CovisitTest(unittest.TestCase):
    def test_neighbours_only(self):
        self.assertEqual(covisit_topk(SESSIONS, [2, 5, 9], k=2, window=1),
                         {2: [(3, 2), (1, 1)], 5: [], 9: []})

    def test_a_wider_window(self):
        self.assertEqual(covisit_topk(SESSIONS, [2], k=5, window=2), {2: [(3, 3), (4, 2), (1, 1)]})


if __name__ == "__main__":
    unittest.main()
