import unittest

from jobq.jobs import Job
from jobq.report import summary, utilization
from jobq.schedule import simulate


class ScheduleTest(unittest.TestCase):
    def test_chain_on_one_worker(self):
        jobs = [Job("a", 3), Job("b", 2, ("a",))]
        self.assertEqual(simulate(jobs, 1), {"a": (0, 3), "b": (3, 5)})

    def test_priority_then_name(self):
        jobs = [Job("c", 2), Job("b", 2), Job("a", 2, (), 1)]
        self.assertEqual(simulate(jobs, 1), {"a": (0, 2), "b": (2, 4), "c": (4, 6)})

    def test_two_workers(self):
        jobs = [Job("a", 4), Job("b", 1), Job("c", 1, ("b",)), Job("d", 2, ("a", "c"))]
        self.assertEqual(simulate(jobs, 2), {"a": (0, 4), "b": (0, 1), "c": (1, 2), "d": (4, 6)})


class ReportTest(unittest.TestCase):
    def test_utilization(self):
        self.assertEqual(utilization({"a": (0, 4), "b": (0, 2)}, 2), 0.75)

    def test_summary(self):
        lines = summary([Job("a", 4), Job("b", 2)], 2)
        self.assertEqual(lines, ["2 jobs on 2 worker(s): done after 4 min", "last to finish: a",
                                 "workers busy 75% of the time"])


if __name__ == "__main__":
    unittest.main()
