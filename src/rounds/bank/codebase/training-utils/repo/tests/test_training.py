import unittest

from trainutil.accumulate import accumulate
from trainutil.checkpoints import CheckpointKeeper
from trainutil.early_stopping import EarlyStopping


class EarlyStoppingTest(unittest.TestCase):
    def test_loss(self):
        es = EarlyStopping(patience=2)
        self.assertEqual([es.step(v) for v in (1.0, 0.8, 0.9, 0.85, 0.7, 0.75, 0.71)],
                         [False, False, False, True, False, False, True])

    def test_accuracy(self):
        es = EarlyStopping(patience=2, mode="max")
        self.assertEqual([es.step(v) for v in (0.5, 0.6, 0.55, 0.7, 0.65, 0.6)],
                         [False, False, False, False, False, True])


class AccumulateTest(unittest.TestCase):
    def test_weighted_by_size(self):
        self.assertEqual(accumulate([[1.0, 2.0], [4.0, 8.0]], [3, 1]), [1.75, 3.5])


class CheckpointTest(unittest.TestCase):
    def test_keeps_the_best(self):
        keeper = CheckpointKeeper(keep=2)
        dropped = [keeper.offer(step, loss) for step, loss in ((100, 0.9), (200, 0.5), (300, 0.7), (400, 0.8))]
        self.assertEqual(dropped, [[], [], [100], [400]])
        self.assertEqual(keeper.kept(), [200, 300])


if __name__ == "__main__":
    unittest.main()
