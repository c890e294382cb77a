import unittest

from logpipe.parse import ParseError, parse_line, parse_lines, parse_timestamp


class ParseTest(unittest.TestCase):
    def test_timestamp_keeps_milliseconds(self):
        self.assertAlmostEqual(parse_timestamp("2024-03-01T12:00:03.250Z") - parse_timestamp("2024-03-01T12:00:03Z"),
                               0.25, places=6)

    def test_full_line(self):
        rec = parse_line("2024-03-01T12:00:00.500Z level=error service=api path=/v1/users status=500 "
                         "latency_ms=123.5 req=7f3a region=eu")
        self.assertEqual(rec.level, "ERROR")
        self.assertEqual(rec.service, "api")
        self.assertEqual(rec.status, 500)
        self.assertEqual(rec.latency_ms, 123.5)
        self.assertEqual(rec.request_id, "7f3a")
        self.assertEqual(rec.extra, {"region": "eu"})
        self.assertEqual(rec.ts % 60, 0.5)

    def test_blank_and_comment_lines_are_skipped(self):
        lines = ["# batch 12", "", "2024-03-01T12:00:00Z level=INFO service=api", "   "]
        self.assertEqual(len(list(parse_lines(lines))), 1)

    def test_bad_field_names_its_line(self):
        with self.assertRaises(ParseError) as ctx:
            list(parse_lines(["2024-03-01T12:00:00Z service=api", "2024-03-01T12:00:01Z service=api oops"]))
        self.assertEqual(ctx.exception.lineno, 2)

    def test_missing_service(self):
        with self.assertRaises(ParseError):
            parse_line("2024-03-01T12:00:00Z level=INFO")


if __name__ == "__main__":
    unittest.main()
