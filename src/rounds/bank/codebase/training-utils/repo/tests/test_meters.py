import unittest

from trainutil.meters import AverageMeter, Throughput, log_line


class MetersTest(unittest.TestCase):
    def test_weighted_mean(self):
        m = AverageMeter("loss")
        m.update(1.0, n=3)
        m.update(3.0)
        self.assertEqual(m.mean, 1.5)
        m.reset()
        self.assertEqual(m.mean, 0.0)

    def test_throughput(self):
        now = [0.0]
        t = Throughput(clock=lambda: now[0])
        t.add(300)
        now[0] = 2.0
        self.assertEqual(t.lap(), 150.0)
        self.assertEqual(t.lap(), 0.0)

    def test_log_line(self):
        m = AverageMeter("loss")
        m.update(0.43125)
        self.assertEqual(log_line(120, [m], 3e-4, 1520.4), "step 120 | loss 0.4313 | lr 3.0e-04 | 1520 ex/s")


if __name__ == "__main__":
    unittest.main()
