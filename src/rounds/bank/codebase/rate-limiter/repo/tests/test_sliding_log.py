import unittest

from ratelimit.sliding_log import SlidingWindowLog


class SlidingLogTest(unittest.TestCase):
    def test_limit_within_a_window(self):
        log = SlidingWindowLog(limit=2, window_s=10)
        self.assertEqual([log.allow("a", t) for t in (0, 1, 2)], [True, True, False])
        self.assertTrue(log.allow("b", 2))  # keys are counted apart

    def test_a_request_window_s_old_no_longer_counts(self):
        log = SlidingWindowLog(limit=1, window_s=10)
        self.assertTrue(log.allow("a", 0))
        self.assertFalse(log.allow("a", 9.999))
        self.assertTrue(log.allow("a", 10))

    def test_denied_requests_do_not_count(self):
        log = SlidingWindowLog(limit=1, window_s=10)
        log.allow("a", 0)
        for t in range(1, 10):
            log.allow("a", t)
        self.assertTrue(log.allow("a", 10.5))

    def test_retry_after(self):
        log = SlidingWindowLog(limit=2, window_s=10)
        log.allow("a", 0)
        log.allow("a", 4)
        self.assertEqual(log.retry_after("a", 5), 5.0)
        self.assertEqual(log.retry_after("b", 5), 0.0)


if __name__ == "__main__":
    unittest.main()
