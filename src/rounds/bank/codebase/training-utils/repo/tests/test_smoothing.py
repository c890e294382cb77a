import unittest

from trainutil.smoothing import ema, rolling_median


class EmaTest(unittest.TestCase):
    def test_constant_curve(self):
        self.assertEqual([round(v, 9) for v in ema([10.0, 10.0], 0.9)], [1.0, 1.9])

    def test_no_smoothing(self):
        self.assertEqual(ema([3.0, 1.0, 2.0], 0.0), [3.0, 1.0, 2.0])


class RollingMedianTest(unittest.TestCase):
    def test_window_of_three(self):
        self.assertEqual(rolling_median([5, 1, 4, 2, 3], 3), [5.0, 3.0, 4.0, 2.0, 3.0])

    def test_bad_window(self):
        with self.assertRaises(ValueError):
            rolling_median([1.0], 0)


if __name__ == "__main__":
    unittest.main()
