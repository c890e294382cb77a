import unittest

from logpipe.records import LogRecord
from logpipe.stats import error_rate, latency_by_path, percentile


class PercentileTest(unittest.TestCase):
    def test_p100_is_the_largest(self):
        self.assertEqual(percentile([5, 1, 4, 2, 3], 100), 5)

    def test_p0_is_the_smallest(self):
        self.assertEqual(percentile([5, 1, 4, 2, 3], 0), 1)

    def test_p90_of_ten_values(self):
        self.assertEqual(percentile(list(range(1, 11)), 90), 9)

    def test_median_of_even_count(self):
        self.assertEqual(percentile([10, 20, 30, 40], 50), 25.0)

    def test_empty(self):
        with self.assertRaises(ValueError):
            percentile([], 50)


class SummaryTest(unittest.TestCase):
    def test_latency_by_path(self):
        recs = [LogRecord(ts=i, level="INFO", service="api", path="/a", latency_ms=float(i)) for i in range(1, 21)]
        row = latency_by_path(recs)["/a"]
        self.assertEqual(row["count"], 20.0)
        self.assertEqual(row["p95"], 19.0)
        self.assertEqual(row["p50"], 10.0)

    def test_error_rate(self):
        recs = [LogRecord(ts=0, level="INFO", service="api", status=s) for s in (200, 500, 503, 404)]
        self.assertEqual(error_rate(recs), 0.5)


if __name__ == "__main__":
    unittest.main()
