import unittest

from ratelimit.clock import FakeClock
from ratelimit.token_bucket import TokenBucket


class TokenBucketTest(unittest.TestCase):
    def setUp(self):
        self.clock = FakeClock()
        self.bucket = TokenBucket(capacity=3, rate=1.0, clock=self.clock)

    def test_starts_full_and_empties(self):
        self.assertEqual([self.bucket.take() for _ in range(4)], [True, True, True, False])

    def test_refills_over_time(self):
        for _ in range(3):
            self.bucket.take()
        self.clock.advance(2)
        self.assertTrue(self.bucket.take(2))
        self.assertFalse(self.bucket.take())

    def test_idle_bucket_holds_at_most_its_capacity(self):
        self.clock.advance(3600)
        self.assertEqual(self.bucket.tokens(), 3.0)
        self.assertEqual([self.bucket.take() for _ in range(4)], [True, True, True, False])

    def test_retry_after(self):
        self.bucket.take(3)
        self.assertAlmostEqual(self.bucket.retry_after(2), 2.0)
        self.clock.advance(0.5)
        self.assertAlmostEqual(self.bucket.retry_after(1), 0.5)

    def test_retry_after_for_a_large_cost(self):
        # a cost above the capacity can never be paid, however long one waits: the docstring says so
        with self.assertRaises(ValueError):
            self.bucket.retry_after(6)


if __name__ == "__main__":
    unittest.main()
