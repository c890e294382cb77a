import unittest

from jobq.retry import RetryPolicy


class RetryTest(unittest.TestCase):
    def test_first_retry_waits_the_base_delay(self):
        self.assertEqual(RetryPolicy(base_delay=2.0).delay(1), 2.0)

    def test_backoff_has_a_ceiling(self):
        self.assertEqual(RetryPolicy(base_delay=1.0, max_delay=10.0).delay(8), 10.0)

    def test_delays_of_three_attempts(self):
        self.assertEqual(RetryPolicy(max_attempts=3, base_delay=1.0).delays(), [1.0, 2.0, 4.0])


if __name__ == "__main__":
    unittest.main()
