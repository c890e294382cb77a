import random
import unittest

from featclient.batching import batches
from featclient.client import OnlineStore
from featclient.codec import decode
from featclient.freshness import is_fresh
from featclient.pit import point_in_time_join
from featclient.rows import FeatureRow
from featclient.schema import FeatureSpec


def brute(labels, rows, specs):
    out = []
    for entity, ts in labels:
        got = {}
        for name, spec in specs.items():
            best = None
            for r in rows:
                if r.entity == entity and r.feature == name and r.ts <= ts and (best is None or r.ts >= best.ts):
                    best = r
            got[name] = best.value if best is not None and is_fresh(spec, best.ts, ts) else spec.default
        out.append(got)
    return out


class Codec(unittest.TestCase):
    def test_junk_booleans_are_refused(self):
        """a bool that is not true/false, 1/0 or yes/no is a ValueError"""
        for text in ("maybe", "2", "t"):
            with self.assertRaises(ValueError):
                decode(text, "bool")
        self.assertTrue(decode(" Yes ", "bool"))


class Freshness(unittest.TestCase):
    def test_future_values_are_never_fresh(self):
        """a value logged after now is not served, with or without a max age"""
        self.assertFalse(is_fresh(FeatureSpec("a", "int"), 10, 9))
        self.assertTrue(is_fresh(FeatureSpec("a", "int"), 10, 10))


class Batches(unittest.TestCase):
    def test_sizes(self):
        """batches cover every item once, in order, for any size"""
        items = [str(i) for i in range(7)]
        for size in (1, 3, 7, 10):
            got = list(batches(items, size))
            self.assertEqual([x for b in got for x in b], items)
            self.assertTrue(all(len(b) == size for b in got[:-1]))
        self.assertEqual(list(batches([], 3)), [])


class Online(unittest.TestCase):
    def test_equal_timestamps_take_the_last_written(self):
        """of two values logged at the same time, the one written last is served"""
        store = OnlineStore({"c": FeatureSpec("c", "int", 0)})
        store.write([FeatureRow("u", "c", 5, 1), FeatureRow("u", "c", 5, 2), FeatureRow("u", "c", 4, 9)])
        self.assertEqual(store.latest("u", "c", 10), 2)


class PointInTime(unittest.TestCase):
    SPECS = {"a": FeatureSpec("a", "int", -1, max_age_s=10), "b": FeatureSpec("b", "str", "none")}

    def test_equal_timestamps(self):
        """a value logged at the label's time is joined, the last logged of equal times"""
        rows = [FeatureRow("u", "a", 5, 2), FeatureRow("u", "a", 5, 1), FeatureRow("u", "b", 7, "x")]
        self.assertEqual(point_in_time_join([("u", 5), ("u", 7)], rows, self.SPECS),
                         [{"a": 1, "b": "none"}, {"a": 1, "b": "x"}])

    def test_freshness_at_the_label_time(self):
        """freshness is judged at each label's time, exactly at max_age included"""
        rows = [FeatureRow("u", "a", 0, 1)]
        got = point_in_time_join([("u", 9.5), ("u", 10), ("u", 3)], rows, self.SPECS)
        self.assertEqual([g["a"] for g in got], [1, -1, 1])

    def test_labels_keep_their_order(self):
        """results come in the labels' order, repeated labels included"""
        rows = [FeatureRow("u", "a", 1, 1), FeatureRow("u", "a", 3, 3)]
        got = point_in_time_join([("u", 4), ("u", 2), ("u", 4), ("v", 4)], rows, self.SPECS)
        self.assertEqual([g["a"] for g in got], [3, 1, 3, -1])

    def test_random_against_brute_force(self):
        """random logs and labels agree with scanning every row"""
        rng = random.Random(12)
        specs = {"a": FeatureSpec("a", "int", -1, max_age_s=15), "b": FeatureSpec("b", "int", -2)}
        for _ in range(60):
            rows = [FeatureRow(rng.choice("xyz"), rng.choice("ab"), float(rng.randint(0, 40)), rng.randint(0, 99))
                    for _ in range(rng.randint(0, 40))]
            labels = [(rng.choice("xyzw"), float(rng.randint(0, 50))) for _ in range(rng.randint(0, 20))]
            self.assertEqual(point_in_time_join(labels, rows, specs), brute(labels, rows, specs))

    def test_inputs_left_alone(self):
        """labels and rows are not reordered"""
        rows = [FeatureRow("u", "a", 3, 3), FeatureRow("u", "a", 1, 1)]
        labels = [("u", 4), ("u", 2)]
        point_in_time_join(labels, rows, self.SPECS)
        self.assertEqual((rows[0].ts, labels[0]), (3, ("u", 4)))


if __name__ == "__main__":
    unittest.main()
