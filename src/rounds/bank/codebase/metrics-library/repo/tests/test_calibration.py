import unittest

from evalkit.calibration import expected_calibration_error


class CalibrationTest(unittest.TestCase):
    def test_perfectly_calibrated(self):
        probs = [0.25] * 4 + [0.75] * 4
        labels = [1, 0, 0, 0] + [1, 1, 1, 0]
        self.assertAlmostEqual(expected_calibration_error(probs, labels, n_bins=4), 0.0)

    def test_certain_predictions(self):
        self.assertAlmostEqual(expected_calibration_error([1.0, 1.0, 0.0, 0.0], [1, 0, 0, 0]), 0.25)

    def test_bad_probability(self):
        with self.assertRaises(ValueError):
            expected_calibration_error([1.5], [1])


if __name__ == "__main__":
    unittest.main()
