import unittest

from ratelimit.planning import replay


class ReplayTest(unittest.TestCase):
    def test_one_key(self):
        events = [(0, "a"), (1, "a"), (2, "a"), (11, "a")]
        self.assertEqual(replay(events, limit=2, window_s=10), {"a": 1})

    def test_keys_apart(self):
        events = [(0, "a"), (0, "b"), (1, "a"), (1, "b"), (2, "b")]
        self.assertEqual(replay(events, limit=2, window_s=10), {"a": 0, "b": 1})

    def test_no_events(self):
        self.assertEqual(replay([], limit=5, window_s=1), {})


if __name__ == "__main__":
    unittest.main()
