import unittest

from evalkit.aggregate import by_segment, macro_average
from evalkit.confusion import Confusion


class AggregateTest(unittest.TestCase):
    def test_by_segment(self):
        got = by_segment(["us", "de", "us"], [1, 0, 1], [1, 1, 0])
        self.assertEqual(got, {"de": Confusion(fp=1), "us": Confusion(tp=1, fn=1)})

    def test_macro_average_weighs_segments_equally(self):
        per = {"big": Confusion(tp=90, fn=10), "small": Confusion(tp=1, fn=1)}
        self.assertAlmostEqual(macro_average(per, lambda c: c.recall), (0.9 + 0.5) / 2)


if __name__ == "__main__":
    unittest.main()
