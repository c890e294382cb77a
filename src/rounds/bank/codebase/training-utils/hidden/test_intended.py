import math
import random
import statistics
import unittest

from trainutil.accumulate import accumulate
from trainutil.checkpoints import CheckpointKeeper
from trainutil.early_stopping import EarlyStopping
from trainutil.schedules import warmup_cosine
from trainutil.smoothing import ema, rolling_median


class Schedules(unittest.TestCase):
    def test_decay_is_smooth_and_monotone(self):
        """after warm-up the rate falls every step down to final_lr"""
        lrs = [warmup_cosine(s, base_lr=2.0, warmup=0, total=50, final_lr=0.5) for s in range(51)]
        self.assertEqual(lrs[0], 2.0)
        self.assertTrue(all(a > b for a, b in zip(lrs, lrs[1:])))
        self.assertAlmostEqual(lrs[25], 0.5 + 1.5 * 0.5 * (1 + math.cos(math.pi / 2)))
        self.assertEqual(lrs[50], 0.5)


class Stopping(unittest.TestCase):
    def test_min_delta_in_both_modes(self):
        """an improvement must beat the best by more than min_delta, up or down"""
        es = EarlyStopping(patience=1, min_delta=0.1, mode="max")
        self.assertEqual([es.step(v) for v in (0.5, 0.55, 0.61)], [False, True, False])
        es = EarlyStopping(patience=1, min_delta=0.1)
        self.assertEqual([es.step(v) for v in (0.5, 0.45, 0.39)], [False, True, False])


class Accumulation(unittest.TestCase):
    def test_equals_one_big_batch(self):
        """accumulated micro-batches give the big batch's mean gradient"""
        rng = random.Random(4)
        examples = [[rng.uniform(-1, 1) for _ in range(3)] for _ in range(17)]
        cuts = [0, 2, 9, 10, 17]
        parts = [examples[a:b] for a, b in zip(cuts, cuts[1:])]
        means = [[sum(e[j] for e in p) / len(p) for j in range(3)] for p in parts]
        got = accumulate(means, [len(p) for p in parts])
        want = [sum(e[j] for e in examples) / 17 for j in range(3)]
        for g, w in zip(got, want):
            self.assertAlmostEqual(g, w)


class Checkpoints(unittest.TestCase):
    def test_max_mode_and_ties(self):
        """the best by accuracy are kept, the earlier step on a tie, best first"""
        keeper = CheckpointKeeper(keep=2, mode="max")
        for step, acc in ((1, 0.7), (2, 0.9), (3, 0.7), (4, 0.8)):
            keeper.offer(step, acc)
        self.assertEqual(keeper.kept(), [2, 4])
        keeper = CheckpointKeeper(keep=2)
        self.assertEqual([keeper.offer(s, 0.5) for s in (1, 2, 3)], [[], [], [3]])


class Smoothing(unittest.TestCase):
    def test_ema_is_debiased(self):
        """the debiased EMA of a constant curve is the constant from the first point"""
        for alpha in (0.5, 0.9, 0.99):
            for v in ema([4.0] * 20, alpha):
                self.assertAlmostEqual(v, 4.0)

    def test_median_against_statistics(self):
        """rolling medians agree with statistics.median of each window"""
        rng = random.Random(7)
        for _ in range(60):
            values = [rng.choice([rng.randint(-5, 5), rng.uniform(-3, 3)]) for _ in range(rng.randint(0, 60))]
            w = rng.randint(1, 12)
            got = rolling_median(values, w)
            want = [float(statistics.median(values[max(0, i - w + 1): i + 1])) for i in range(len(values))]
            self.assertEqual(len(got), len(want))
            for g, x in zip(got, want):
                self.assertAlmostEqual(g, x, places=12)

    def test_duplicates_leave_the_window(self):
        """equal values enter and leave the window one at a time"""
        self.assertEqual(rolling_median([1, 1, 9, 9, 9, 1], 2), [1.0, 1.0, 5.0, 9.0, 9.0, 5.0])

    def test_floats_always(self):
        """the result is made of floats, and the input is left alone"""
        values = [3, 1, 2]
        got = rolling_median(values, 5)
        self.assertTrue(all(type(v) is float for v in got))
        self.assertEqual(values, [3, 1, 2])


if __name__ == "__main__":
    unittest.main()
