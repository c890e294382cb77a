import unittest

from candgen.events import Interaction
from candgen.popularity import PopularityIndex

DAY = 86_400.0
NOW = 1_700_000_000.0


def views(item, ts, times=1):
    return [Interaction(f"u{n}", item, ts) for n in range(times)]


class PopularityTest(unittest.TestCase):
    def test_an_event_weighs_half_a_half_life_later(self):
        events = views(1, NOW) + views(2, NOW - DAY) + views(2, NOW - 2 * DAY)
        index = PopularityIndex(events, NOW, half_life_s=DAY)
        self.assertAlmostEqual(index.score(1), 1.0)
        self.assertAlmostEqual(index.score(2), 0.75)
        self.assertEqual(index.score(3), 0.0)

    def test_top_leaves_out_excluded_items(self):
        events = views(1, NOW, 3) + views(2, NOW, 2) + views(3, NOW)
        index = PopularityIndex(events, NOW, half_life_s=DAY)
        self.assertEqual(index.top(2), [1, 2])
        self.assertEqual(index.top(2, exclude={1}), [2, 3])

    def test_ties_go_to_the_smaller_id(self):
        events = views(9, NOW - 60) + views(4, NOW - 60)
        self.assertEqual(PopularityIndex(events, NOW, half_life_s=DAY).top(5), [4, 9])


if __name__ == "__main__":
    unittest.main()
