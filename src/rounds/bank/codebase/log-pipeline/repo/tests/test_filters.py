import unittest

from logpipe.filters import at_least, between, for_service
from logpipe.records import LogRecord


def rec(ts, level, service="api"):
    return LogRecord(ts=ts, level=level, service=service)


RECORDS = [rec(1, "INFO"), rec(2, "ERROR"), rec(3, "DEBUG"), rec(4, "WARN", "db"), rec(5, "ERROR", "db")]


class FilterTest(unittest.TestCase):
    def test_at_least_error(self):
        self.assertEqual([r.ts for r in at_least(RECORDS, "ERROR")], [2, 5])

    def test_at_least_info_drops_debug(self):
        self.assertEqual([r.ts for r in at_least(RECORDS, "info")], [1, 2, 4, 5])

    def test_unknown_level(self):
        with self.assertRaises(ValueError):
            at_least(RECORDS, "FATAL")

    def test_for_service_and_between(self):
        self.assertEqual([r.ts for r in for_service(RECORDS, "db")], [4, 5])
        self.assertEqual([r.ts for r in between(RECORDS, 2, 4)], [2, 3])


if __name__ == "__main__":
    unittest.main()
