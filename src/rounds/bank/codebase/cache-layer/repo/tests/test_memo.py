import unittest

from cachekit.keys import make_key
from cachekit.lru import LRUCache
from cachekit.memo import memoize


class MemoTest(unittest.TestCase):
    def test_keyword_order_does_not_matter(self):
        self.assertEqual(make_key("f", (1,), {"a": 1, "b": [2]}), make_key("f", (1,), {"b": [2], "a": 1}))

    def test_unhashable_values(self):
        self.assertEqual(make_key("f", ({"x": {1, 2}},), {}), make_key("f", ({"x": {2, 1}},), {}))
        with self.assertRaises(TypeError):
            make_key("f", (bytearray(b"x"),), {})

    def test_results_are_remembered(self):
        calls = []

        @memoize(LRUCache(10))
        def square(x):
            calls.append(x)
            return x * x

        self.assertEqual([square(3), square(3), square(4)], [9, 9, 16])
        self.assertEqual(calls, [3, 4])

    def test_none_is_remembered_too(self):
        calls = []

        @memoize(LRUCache(10))
        def lookup(user):
            calls.append(user)
            return None

        lookup("u1")
        lookup("u1")
        self.assertEqual(calls, ["u1"])


if __name__ == "__main__":
    unittest.main()
