import math
import unittest

from trainutil.schedules import warmup_cosine


class ScheduleTest(unittest.TestCase):
    def lr(self, step):
        return warmup_cosine(step, base_lr=1.0, warmup=4, total=14, final_lr=0.1)

    def test_warmup(self):
        self.assertEqual([self.lr(s) for s in range(4)], [0.25, 0.5, 0.75, 1.0])

    def test_cosine_midpoint(self):
        self.assertAlmostEqual(self.lr(9), 0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * 0.5)))

    def test_after_the_end(self):
        self.assertEqual(self.lr(14), 0.1)
        self.assertEqual(self.lr(100), 0.1)

    def test_bad_arguments(self):
        with self.assertRaises(ValueError):
            warmup_cosine(0, base_lr=1.0, warmup=5, total=5)


if __name__ == "__main__":
    unittest.main()
