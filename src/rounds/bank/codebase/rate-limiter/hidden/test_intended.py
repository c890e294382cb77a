import random
import unittest
from collections import deque

from ratelimit.clock import FakeClock
from ratelimit.config import ConfigError, Rule, parse_rule
from ratelimit.planning import replay
from ratelimit.service import RateLimiter
from ratelimit.sliding_log import SlidingWindowLog
from ratelimit.token_bucket import TokenBucket


def brute(events, limit, window):
    allowed = {}
    denied = {}
    for t, k in events:
        denied.setdefault(k, 0)
        inside = [x for x in allowed.get(k, []) if t - window < x <= t]
        if len(inside) < limit:
            allowed.setdefault(k, []).append(t)
        else:
            denied[k] += 1
    return denied


class Config(unittest.TestCase):
    def test_hours_and_counted_units(self):
        """hours are 3600 seconds, also counted (2h) and spelled out (hour)"""
        self.assertEqual(parse_rule("a: 5/2h"), Rule("a", 5, 7200.0))
        self.assertEqual(parse_rule("a: 5/hour"), Rule("a", 5, 3600.0))
        self.assertEqual(parse_rule("a: 5/90s"), Rule("a", 5, 90.0))

    def test_unknown_unit(self):
        """an unknown unit is a ConfigError"""
        with self.assertRaises(ConfigError):
            parse_rule("a: 5/day")


class Bucket(unittest.TestCase):
    def test_cap_after_partial_idle(self):
        """a half-empty bucket refills up to its capacity and no further"""
        clock = FakeClock()
        b = TokenBucket(4, 2.0, clock)
        b.take(3)
        clock.advance(100)
        self.assertEqual(b.tokens(), 4.0)
        self.assertAlmostEqual(b.retry_after(4), 0.0)

    def test_cost_above_capacity(self):
        """a cost above the capacity is refused by take and retry_after"""
        b = TokenBucket(2, 1.0, FakeClock())
        for call in (b.take, b.retry_after):
            with self.assertRaises(ValueError):
                call(2.5)


class Window(unittest.TestCase):
    def test_boundary_for_several_requests(self):
        """requests exactly window_s old leave the window, all of them"""
        log = SlidingWindowLog(3, 5)
        for t in (0, 0, 0):
            self.assertTrue(log.allow("k", t))
        self.assertFalse(log.allow("k", 4.999))
        self.assertTrue(log.allow("k", 5))
        self.assertEqual(log.count("k", 5), 1)

    def test_retry_after_lands_on_the_boundary(self):
        """retry_after says exactly when the next request passes"""
        log = SlidingWindowLog(2, 10)
        log.allow("k", 1)
        log.allow("k", 3)
        wait = log.retry_after("k", 4)
        self.assertFalse(log.would_allow("k", 4 + wait - 1e-6))
        self.assertTrue(log.would_allow("k", 4 + wait))


class Service(unittest.TestCase):
    def test_no_rule_records_a_denied_request(self):
        """a request denied by any rule is recorded by none, whatever the rules' order"""
        for config in ("ip: 1/10s, user: 2/10s", "user: 2/10s, ip: 1/10s"):
            limiter = RateLimiter(config)
            limiter.check({"user": "u", "ip": "a"}, 0)
            for t in (1, 2, 3):
                self.assertFalse(limiter.check({"user": "u", "ip": "a"}, t).allowed)
            self.assertTrue(limiter.check({"user": "u", "ip": "b"}, 4).allowed, config)

    def test_wait_is_the_longest_denial(self):
        """retry_after is the longest wait among the rules that deny"""
        limiter = RateLimiter("ip: 1/30s, user: 1/10s")
        limiter.check({"user": "u", "ip": "a"}, 0)
        self.assertEqual(limiter.check({"user": "u", "ip": "a"}, 1).retry_after, 29.0)


class Replay(unittest.TestCase):
    def test_boundary_and_equal_timestamps(self):
        """equal timestamps keep their order, and a request window_s old no longer counts"""
        events = [(0, "a"), (0, "a"), (0, "a"), (10, "a"), (10, "a"), (10, "a")]
        self.assertEqual(replay(events, 2, 10), {"a": 2})

    def test_denied_requests_do_not_count(self):
        """denied requests never count against later ones"""
        events = [(t, "a") for t in range(0, 30)]
        self.assertEqual(replay(events, 1, 10), {"a": 27})

    def test_every_key_appears(self):
        """every key of the events appears, with 0 when nothing was denied"""
        self.assertEqual(replay([(0, "x"), (1, "y"), (2, "x")], 5, 60), {"x": 0, "y": 0})

    def test_agrees_with_the_limiter(self):
        """replay denies what SlidingWindowLog denies"""
        rng = random.Random(3)
        events = sorted((round(rng.uniform(0, 100), 1), rng.choice("abc")) for _ in range(300))
        log = SlidingWindowLog(4, 7.5)
        want = {}
        for t, k in events:
            want[k] = want.get(k, 0) + (not log.allow(k, t))
        self.assertEqual(replay(events, 4, 7.5), want)

    def test_random_against_brute_force(self):
        """random traffic agrees with counting the window from scratch"""
        rng = random.Random(8)
        for _ in range(40):
            n = rng.randint(0, 80)
            events = sorted((float(rng.randint(0, 40)), rng.choice("pqrs")) for _ in range(n))
            limit, window = rng.randint(1, 5), rng.choice([1.0, 2.5, 10.0])
            self.assertEqual(replay(events, limit, window), brute(events, limit, window))

    def test_input_is_left_alone(self):
        """the events are not changed"""
        events = [(0.0, "a"), (1.0, "a")]
        replay(events, 1, 5)
        self.assertEqual(events, [(0.0, "a"), (1.0, "a")])
        self.assertEqual(replay(deque(events), 1, 5), {"a": 1})


if __name__ == "__main__":
    unittest.main()
