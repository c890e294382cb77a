import unittest

from candgen.events import Interaction, by_user, parse_log, sessionize


def ev(user, item, ts):
    return Interaction(user, item, float(ts))


class ParseLogTest(unittest.TestCase):
    def test_header_comments_and_blank_lines(self):
        lines = ["user,item,ts\n", "# exported at midnight\n", "u1, 42, 100\n", "\n", "u2,7,90.5\n"]
        self.assertEqual(parse_log(lines), [ev("u1", 42, 100), ev("u2", 7, 90.5)])

    def test_a_bad_line_is_named(self):
        with self.assertRaisesRegex(ValueError, "line 2"):
            parse_log(["u1,1,5", "u2,seven,6"])


class SessionTest(unittest.TestCase):
    def test_each_history_in_time_order(self):
        events = [ev("b", 3, 30), ev("a", 1, 20), ev("b", 2, 10), ev("a", 4, 20)]
        self.assertEqual({u: [e.item for e in evs] for u, evs in by_user(events).items()},
                         {"a": [1, 4], "b": [2, 3]})

    def test_a_longer_pause_starts_a_session(self):
        events = [ev("u", 1, 0), ev("u", 2, 100), ev("u", 3, 5000), ev("v", 4, 0)]
        self.assertEqual(sessionize(events, 1800), [[1, 2], [3], [4]])

    def test_a_pause_of_exactly_gap_s_keeps_the_session(self):
        events = [ev("u", 1, 0), ev("u", 2, 1800), ev("u", 3, 3601)]
        self.assertEqual(sessionize(events, 1800), [[1, 2], [3]])

    def test_repeat_views_are_kept(self):
        events = [ev("u", 5, 0), ev("u", 5, 10), ev("u", 7, 20)]
        self.assertEqual(sessionize(events, 1800), [[5, 5, 7]])


if __name__ == "__main__":
    unittest.main()
