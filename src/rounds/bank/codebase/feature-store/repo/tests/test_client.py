import unittest

from featclient.batching import batches
from featclient.client import OnlineStore
from featclient.freshness import is_fresh
from featclient.rows import FeatureRow
from featclient.schema import FeatureSpec

SPECS = {"clicks": FeatureSpec("clicks", "int", 0, max_age_s=3600), "country": FeatureSpec("country", "str", "??")}


class FreshnessTest(unittest.TestCase):
    def test_max_age(self):
        spec = SPECS["clicks"]
        self.assertTrue(is_fresh(spec, 1000, 1000 + 3599))
        self.assertFalse(is_fresh(spec, 1000, 1000 + 3600))

    def test_no_max_age_is_never_stale(self):
        self.assertTrue(is_fresh(SPECS["country"], 0, 10**9))


class BatchingTest(unittest.TestCase):
    def test_last_batch_may_be_short(self):
        self.assertEqual(list(batches(["a", "b", "c", "d", "e"], 2)), [["a", "b"], ["c", "d"], ["e"]])


class OnlineStoreTest(unittest.TestCase):
    def setUp(self):
        self.store = OnlineStore(SPECS)
        self.store.write([FeatureRow("u1", "clicks", 100, 1), FeatureRow("u1", "clicks", 300, 3),
                          FeatureRow("u1", "clicks", 200, 2), FeatureRow("u1", "country", 50, "de")])

    def test_latest_value(self):
        self.assertEqual(self.store.latest("u1", "clicks", 1000), 3)
        self.assertEqual(self.store.latest("u1", "clicks", 250), 2)

    def test_stale_and_missing_values_get_the_default(self):
        self.assertEqual(self.store.latest("u1", "clicks", 300 + 3600), 0)
        self.assertEqual(self.store.latest("u2", "country", 1000), "??")

    def test_get_online(self):
        got = self.store.get_online(["u1", "u2"], ["clicks", "country"], 1000)
        self.assertEqual(got, {"u1": {"clicks": 3, "country": "de"}, "u2": {"clicks": 0, "country": "??"}})


if __name__ == "__main__":
    unittest.main()
