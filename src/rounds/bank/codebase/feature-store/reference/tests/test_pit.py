import unittest

from featclient.pit import point_in_time_join
from featclient.rows import FeatureRow
from featclient.schema import FeatureSpec

SPECS = {"clicks": FeatureSpec("clicks", "int", 0, max_age_s=100), "country": FeatureSpec("country", "str", "??")}
ROWS = [FeatureRow("u1", "clicks", 10, 1), FeatureRow("u1", "clicks", 50, 5), FeatureRow("u1", "country", 0, "de"),
        FeatureRow("u2", "clicks", 20, 7)]


class PointInTimeTest(unittest.TestCase):
    def test_values_known_at_each_label(self):
        got = point_in_time_join([("u1", 40), ("u1", 60), ("u2", 5)], ROWS, SPECS)
        self.assertEqual(got, [{"clicks": 1, "country": "de"}, {"clicks": 5, "country": "de"},
                               {"clicks": 0, "country": "??"}])

    def test_stale_values_are_not_joined(self):
        self.assertEqual(point_in_time_join([("u2", 500)], ROWS, SPECS), [{"clicks": 0, "country": "??"}])

    def test_a_value_logged_at_the_label_time(self):
        # the docstring: a value logged at the label's own time was known then (ts <= label time)
        self.assertEqual(point_in_time_join([("u1", 50)], ROWS, SPECS), [{"clicks": 5, "country": "de"}])


if __name__ == "__main__":
    unittest.main()
