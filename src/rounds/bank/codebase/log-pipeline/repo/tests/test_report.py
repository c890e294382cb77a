import unittest

from logpipe.parse import parse_lines
from logpipe.report import summarize

LINES = """\
2024-03-01T12:00:00.000Z level=INFO service=api path=/v1/users status=200 latency_ms=40
2024-03-01T12:00:01.000Z level=ERROR service=api path=/v1/users status=500 latency_ms=900
2024-03-01T12:00:02.000Z level=ERROR service=db path=/query status=503 latency_ms=1200
2024-03-01T12:00:30.000Z level=INFO service=api path=/v1/users status=200 latency_ms=35
""".splitlines()


class ReportTest(unittest.TestCase):
    def test_summary_lines(self):
        lines = summarize(list(parse_lines(LINES)), window_s=10)
        self.assertEqual(lines[0], "4 records from 2 service(s)")
        self.assertEqual(lines[1], "5xx rate 50.0%")
        self.assertTrue(lines[2].startswith("peak: 2 errors in 10 s"))

    def test_two_summaries_do_not_share_lines(self):
        records = list(parse_lines(LINES))
        first = summarize(records, window_s=10)
        second = summarize(records, window_s=10)
        self.assertEqual(first, second)
        self.assertEqual(len(second), 5)


if __name__ == "__main__":
    unittest.main()
