import random
import unittest

from cachekit.keys import make_key
from cachekit.lru import LRUCache
from cachekit.memo import memoize
from cachekit.planning import belady_misses, lru_misses
from cachekit.ttl import TTLCache


def brute_belady(trace, capacity):
    cached, misses = set(), 0
    for i, key in enumerate(trace):
        if key in cached:
            continue
        misses += 1
        if len(cached) >= capacity:
            def next_use(k):
                rest = trace[i + 1:]
                return rest.index(k) if k in rest else len(trace)
            cached.remove(max(sorted(cached), key=next_use))
        cached.add(key)
    return misses


def brute_lru(trace, capacity):
    order, misses = [], 0
    for key in trace:
        if key in order:
            order.remove(key)
        else:
            misses += 1
            if len(order) >= capacity:
                order.pop(0)
        order.append(key)
    return misses


class Lru(unittest.TestCase):
    def test_every_use_refreshes(self):
        """gets and puts, updates included, make an entry the most recently used"""
        c = LRUCache(3)
        for k in "abc":
            c.put(k, k)
        c.get("a")
        c.put("b", "B")
        c.put("d", "d")
        self.assertEqual(c.keys(), ["a", "b", "d"])
        self.assertEqual(c.get("b"), "B")

    def test_lru_misses_against_a_list(self):
        """lru_misses agrees with an LRU kept in a plain list"""
        rng = random.Random(1)
        for _ in range(40):
            trace = [rng.randint(0, 9) for _ in range(rng.randint(0, 60))]
            cap = rng.randint(1, 6)
            self.assertEqual(lru_misses(trace, cap), brute_lru(trace, cap))


class Ttl(unittest.TestCase):
    def test_boundary_and_own_ttl(self):
        """an entry is gone at exactly its expiry, whatever ttl it was put with"""
        now = [0.0]
        c = TTLCache(4, 5, lambda: now[0])
        c.put("a", 1)
        c.put("b", 2, ttl=1)
        now[0] = 1.0
        self.assertIsNone(c.get("b"))
        self.assertEqual(c.get("a"), 1)
        now[0] = 5.0
        self.assertIsNone(c.get("a"))
        self.assertEqual(len(c), 0)


class Keys(unittest.TestCase):
    def test_keyword_order_nested(self):
        """keyword order never matters, nested values included"""
        k1 = make_key("f", (), {"z": {"b": [1, 2], "a": 0}, "y": 1, "x": (3,)})
        k2 = make_key("f", (), {"x": (3,), "y": 1, "z": {"a": 0, "b": [1, 2]}})
        self.assertEqual(k1, k2)

    def test_lists_and_tuples_differ(self):
        """a list and a tuple with the same items are different arguments"""
        self.assertNotEqual(make_key("f", ([1],), {}), make_key("f", ((1,),), {}))


class Memo(unittest.TestCase):
    def test_falsy_results_and_errors(self):
        """None, 0 and "" are remembered; an exception is not"""
        calls = []
        fails = [True]

        @memoize(LRUCache(10))
        def f(x):
            calls.append(x)
            if x == "boom" and fails[0]:
                fails[0] = False
                raise RuntimeError("flaky")
            return {"n": None, "z": 0, "e": ""}.get(x, x)

        for x in ("n", "z", "e", "n", "z", "e"):
            f(x)
        self.assertEqual(calls, ["n", "z", "e"])
        with self.assertRaises(RuntimeError):
            f("boom")
        self.assertEqual(f("boom"), "boom")


class Belady(unittest.TestCase):
    def test_against_brute_force(self):
        """random traces agree with evicting the key used farthest ahead"""
        rng = random.Random(2)
        for _ in range(60):
            trace = [rng.randint(0, 12) for _ in range(rng.randint(0, 80))]
            cap = rng.randint(1, 8)
            self.assertEqual(belady_misses(trace, cap), brute_belady(trace, cap))

    def test_edges(self):
        """a cache as large as the key set misses each key once; capacity 0 is an error"""
        self.assertEqual(belady_misses(list("abcabcabc"), 3), 3)
        self.assertEqual(belady_misses([], 2), 0)
        self.assertEqual(belady_misses(tuple("abab"), 1), 4)
        with self.assertRaises(ValueError):
            belady_misses(["a"], 0)

    def test_never_worse_than_lru(self):
        """the optimal policy never misses more than LRU"""
        rng = random.Random(3)
        trace = [rng.choice("abcdefgh") for _ in range(500)]
        for cap in range(1, 9):
            self.assertLessEqual(belady_misses(trace, cap), lru_misses(trace, cap))


if __name__ == "__main__":
    unittest.main()
