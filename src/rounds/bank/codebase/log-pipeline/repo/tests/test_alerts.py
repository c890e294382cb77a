import unittest

from logpipe.alerts import peak_error_window
from logpipe.records import LogRecord


def err(ts):
    return LogRecord(ts=ts, level="ERROR", service="api")


class PeakWindowTest(unittest.TestCase):
    def test_no_errors(self):
        self.assertIsNone(peak_error_window([LogRecord(ts=1, level="INFO", service="api")], 10))

    def test_single_burst(self):
        recs = [err(0), err(100), err(101), err(102.5), err(200)]
        self.assertEqual(peak_error_window(recs, 5), (100, 3))

    def test_info_records_do_not_count(self):
        recs = [err(0), LogRecord(ts=1, level="INFO", service="api"), err(50), err(52)]
        self.assertEqual(peak_error_window(recs, 10), (50, 2))


if __name__ == "__main__":
    unittest.main()
