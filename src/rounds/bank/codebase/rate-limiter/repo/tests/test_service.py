import unittest

from ratelimit.service import RateLimiter


class ServiceTest(unittest.TestCase):
    def test_every_rule_must_allow(self):
        limiter = RateLimiter("user: 3/10s, ip: 2/10s")
        got = [limiter.check({"user": "u1", "ip": "10.0.0.1"}, t).allowed for t in (0, 1, 2)]
        self.assertEqual(got, [True, True, False])

    def test_a_denied_request_costs_nothing(self):
        limiter = RateLimiter("user: 3/10s, ip: 1/10s")
        self.assertTrue(limiter.check({"user": "u1", "ip": "a"}, 0).allowed)
        self.assertFalse(limiter.check({"user": "u1", "ip": "a"}, 1).allowed)  # the ip rule denies
        # u1 has made one allowed request, so two more from other addresses pass
        self.assertTrue(limiter.check({"user": "u1", "ip": "b"}, 2).allowed)
        self.assertTrue(limiter.check({"user": "u1", "ip": "c"}, 3).allowed)

    def test_rules_that_do_not_apply(self):
        limiter = RateLimiter("user: 1/10s, ip: 5/10s")
        self.assertTrue(limiter.check({"ip": "a"}, 0).allowed)
        self.assertTrue(limiter.check({"ip": "a"}, 1).allowed)

    def test_retry_after_and_denied_by(self):
        limiter = RateLimiter("user: 1/10s, ip: 1/30s")
        limiter.check({"user": "u", "ip": "a"}, 0)
        d = limiter.check({"user": "u", "ip": "a"}, 5)
        self.assertFalse(d.allowed)
        self.assertEqual(d.denied_by, ("user", "ip"))
        self.assertEqual(d.retry_after, 25.0)
        self.assertEqual(limiter.stats(), {"allowed": 1, "denied": 1})


if __name__ == "__main__":
    unittest.main()
