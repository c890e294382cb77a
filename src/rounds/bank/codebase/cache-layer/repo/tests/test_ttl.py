import unittest

from cachekit.ttl import TTLCache


class Clock:
    def __init__(self):
        self.t = 0.0

    def __call__(self):
        return self.t


class TTLTest(unittest.TestCase):
    def setUp(self):
        self.clock = Clock()
        self.cache = TTLCache(capacity=2, ttl=10, clock=self.clock)

    def test_an_entry_lives_for_ttl_seconds(self):
        self.cache.put("a", 1)
        self.clock.t = 9.5
        self.assertEqual(self.cache.get("a"), 1)
        self.clock.t = 10.0
        self.assertIsNone(self.cache.get("a"))

    def test_full_cache_drops_the_soonest_to_expire(self):
        self.cache.put("a", 1)
        self.clock.t = 1
        self.cache.put("b", 2)
        self.cache.put("c", 3)
        self.assertIsNone(self.cache.get("a"))
        self.assertEqual(self.cache.get("b"), 2)
        self.assertEqual(self.cache.stats.evictions, 1)


if __name__ == "__main__":
    unittest.main()
