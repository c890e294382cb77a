import unittest

from cachekit.lru import LRUCache


class LRUTest(unittest.TestCase):
    def test_evicts_the_least_recently_used(self):
        c = LRUCache(2)
        c.put("a", 1)
        c.put("b", 2)
        c.put("c", 3)
        self.assertEqual(c.keys(), ["b", "c"])
        self.assertEqual(c.stats.evictions, 1)

    def test_a_get_is_a_use(self):
        c = LRUCache(2)
        c.put("a", 1)
        c.put("b", 2)
        self.assertEqual(c.get("a"), 1)
        c.put("c", 3)
        self.assertEqual(c.keys(), ["a", "c"])

    def test_updating_a_key_is_a_use(self):
        # the module says a put is a use, an update included: "a" becomes the most recent, "b" goes
        c = LRUCache(2)
        c.put("a", 1)
        c.put("b", 2)
        c.put("a", 10)
        c.put("c", 3)
        self.assertEqual(c.keys(), ["a", "c"])

    def test_stats(self):
        c = LRUCache(1)
        c.put("a", 1)
        c.get("a")
        c.get("b")
        self.assertEqual((c.stats.hits, c.stats.misses), (1, 1))
        self.assertEqual(c.stats.hit_ratio, 0.5)


if __name__ == "__main__":
    unittest.main()
