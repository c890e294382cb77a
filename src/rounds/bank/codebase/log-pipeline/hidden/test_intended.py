import random
import unittest

from logpipe.alerts import peak_error_window
from logpipe.filters import at_least
from logpipe.parse import parse_line, parse_timestamp
from logpipe.records import LogRecord
from logpipe.report import summarize
from logpipe.stats import percentile


def err(ts):
    return LogRecord(ts=ts, level="ERROR", service="api")


def brute(times, w):
    best = None
    for s in sorted(set(times)):
        c = sum(1 for t in times if s <= t <= s + w)
        if best is None or c > best[1]:
            best = (s, c)
    return best


class Parsing(unittest.TestCase):
    def test_microseconds_and_whole_seconds(self):
        """timestamps keep their fraction, whatever its number of digits"""
        base = parse_timestamp("2024-03-01T00:00:00Z")
        self.assertAlmostEqual(parse_timestamp("2024-03-01T00:00:00.000250Z") - base, 0.00025, places=5)
        self.assertAlmostEqual(parse_timestamp("2024-03-01T00:00:01.5Z") - base, 1.5, places=5)

    def test_local_time_is_refused(self):
        """a timestamp without Z is refused"""
        with self.assertRaises(Exception):
            parse_line("2024-03-01T00:00:00.100 level=INFO service=api")


class Levels(unittest.TestCase):
    RECS = [LogRecord(ts=i, level=lv, service="s") for i, lv in enumerate(("DEBUG", "INFO", "WARN", "ERROR") * 2)]

    def test_every_threshold(self):
        """at_least keeps exactly the levels at or above the threshold, for every threshold"""
        order = ("DEBUG", "INFO", "WARN", "ERROR")
        for i, lv in enumerate(order):
            self.assertEqual([r.level for r in at_least(self.RECS, lv)], [x for x in order * 2 if order.index(x) >= i])

    def test_lower_case_warn(self):
        """at_least accepts a lower-case level"""
        self.assertEqual(len(at_least(self.RECS, "warn")), 4)


class Percentiles(unittest.TestCase):
    def test_nearest_rank(self):
        """percentiles follow the nearest-rank rule on many sizes"""
        rng = random.Random(5)
        for n in range(1, 40):
            vals = [rng.randint(0, 1000) for _ in range(n)]
            ordered = sorted(vals)
            for q in (0, 1, 25, 50, 75, 90, 95, 99, 100):
                rank = -(-q * n // 100)
                self.assertEqual(percentile(vals, q), ordered[max(rank, 1) - 1])

    def test_single_value(self):
        """one value is every percentile"""
        self.assertEqual(percentile([7.5], 50), 7.5)


class PeakWindow(unittest.TestCase):
    def test_unsorted_shards(self):
        """records merged from shards arrive out of time order"""
        recs = [err(t) for t in (300, 10, 301, 11, 302, 12.5, 303)]
        self.assertEqual(peak_error_window(recs, 5), (300, 4))

    def test_both_ends_included(self):
        """an error exactly window_s after the start is inside the window"""
        self.assertEqual(peak_error_window([err(0), err(10), err(30)], 10), (0, 2))

    def test_tie_takes_the_earliest(self):
        """on a tie, the earliest window wins"""
        self.assertEqual(peak_error_window([err(50), err(51), err(10), err(11)], 5), (10, 2))

    def test_same_timestamps(self):
        """errors logged in the same millisecond all count"""
        self.assertEqual(peak_error_window([err(5)] * 4 + [err(6)], 0.5), (5, 4))

    def test_random_against_brute_force(self):
        """random inputs agree with counting every window"""
        rng = random.Random(11)
        for _ in range(60):
            times = [round(rng.uniform(0, 200), 3) for _ in range(rng.randint(1, 60))]
            recs = [err(t) for t in times] + [LogRecord(ts=t, level="WARN", service="api") for t in times[::3]]
            rng.shuffle(recs)
            w = rng.choice([0, 1, 5, 20])
            self.assertEqual(peak_error_window(recs, w), brute(times, w))

    def test_iterator_input(self):
        """records may come as a one-pass iterator"""
        self.assertEqual(peak_error_window(iter([err(1), err(2)]), 5), (1, 2))


class Report(unittest.TestCase):
    def test_notes_argument_is_extended(self):
        """summarize appends to a list it is given, and starts a new one otherwise"""
        recs = [err(0)]
        mine = ["header"]
        summarize(recs, 10, mine)
        self.assertEqual(mine[0], "header")
        self.assertGreater(len(mine), 1)
        self.assertEqual(summarize(recs, 10), summarize(recs, 10))


if __name__ == "__main__":
    unittest.main()
