import unittest

from jobq.graph import GraphError, check_graph, topological_order
from jobq.jobs import Job


class GraphTest(unittest.TestCase):
    def test_a_diamond_is_no_cycle(self):
        jobs = [Job("a", 1), Job("b", 1, ("a",)), Job("c", 1, ("a",)), Job("d", 1, ("b", "c"))]
        check_graph(jobs)
        self.assertEqual(topological_order(jobs), ["a", "b", "c", "d"])

    def test_cycle(self):
        jobs = [Job("a", 1, ("c",)), Job("b", 1, ("a",)), Job("c", 1, ("b",))]
        with self.assertRaises(GraphError):
            check_graph(jobs)

    def test_unknown_dependency(self):
        with self.assertRaises(GraphError):
            check_graph([Job("a", 1, ("ghost",))])

    def test_ties_by_name(self):
        jobs = [Job("zeta", 1), Job("alpha", 1), Job("mid", 1, ("zeta",))]
        self.assertEqual(topological_order(jobs), ["alpha", "zeta", "mid"])


if __name__ == "__main__":
    unittest.main()
