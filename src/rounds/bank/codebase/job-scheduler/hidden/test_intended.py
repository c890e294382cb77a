import random
import unittest

from jobq.graph import GraphError, check_graph
from jobq.jobs import Job
from jobq.parse import parse_jobs
from jobq.report import utilization
from jobq.retry import RetryPolicy
from jobq.schedule import simulate


def brute(jobs, workers):
    """Minute by minute: finish, then start the most urgent ready jobs."""
    plan, running, t = {}, {}, 0
    while len(plan) < len(jobs) or running:
        for name in [n for n, end in running.items() if end == t]:
            del running[name]
        done = {n for n, (s, e) in plan.items() if e <= t}
        ready = sorted((j for j in jobs if j.name not in plan and set(j.deps) <= done),
                       key=lambda j: (-j.priority, j.name))
        for j in ready[: workers - len(running)]:
            plan[j.name] = (t, t + j.duration)
            running[j.name] = t + j.duration
        if len(plan) == len(jobs) and not running:
            break
        t += 1
    return plan


def random_jobs(rng, n):
    jobs = []
    for i in range(n):
        deps = tuple(sorted({f"j{rng.randrange(i)}" for _ in range(rng.randint(0, min(i, 3)))})) if i else ()
        jobs.append(Job(f"j{i}", rng.randint(1, 6), deps, rng.randint(0, 2)))
    rng.shuffle(jobs)
    return jobs


class Parsing(unittest.TestCase):
    def test_no_after_field_means_no_dependencies(self):
        """a job without after= waits for nothing, and a trailing comma adds no dependency"""
        jobs = parse_jobs(["a: duration=1", "b: duration=2 after=a,", "c: duration=3 after=a,,b"])
        self.assertEqual([j.deps for j in jobs], [(), ("a",), ("a", "b")])
        check_graph(jobs)


class Graph(unittest.TestCase):
    def test_shared_dependencies_in_any_order(self):
        """jobs sharing dependencies are no cycle, whatever order they are listed in"""
        jobs = [Job("d", 1, ("b", "c")), Job("c", 1, ("a",)), Job("b", 1, ("a",)), Job("a", 1)]
        check_graph(jobs)

    def test_long_chain(self):
        """a chain of 5,000 jobs is checked without running out of stack"""
        jobs = [Job(f"j{i}", 1, (f"j{i - 1}",) if i else ()) for i in range(5000)]
        check_graph(jobs[::-1])  # the last job first: a search from it goes 5,000 deep
        check_graph(jobs)

    def test_two_job_cycle(self):
        """two jobs waiting for each other are a cycle"""
        with self.assertRaises(GraphError):
            check_graph([Job("a", 1, ("b",)), Job("b", 1, ("a",)), Job("c", 1)])


class Retries(unittest.TestCase):
    def test_backoff_sequence(self):
        """retries wait base, 2 base, 4 base ... up to the ceiling, one wait per retry"""
        policy = RetryPolicy(max_attempts=6, base_delay=1.5, max_delay=10.0)
        self.assertEqual(policy.delays(), [1.5, 3.0, 6.0, 10.0, 10.0])
        self.assertEqual(RetryPolicy(max_attempts=1).delays(), [])
        self.assertEqual(policy.worst_case_minutes(2), 12 + 30.5)


class Planning(unittest.TestCase):
    def test_completions_before_starts(self):
        """a job ending at t frees its worker and its dependents at t"""
        jobs = [Job("a", 2), Job("b", 2), Job("c", 1, ("a",), 5)]
        self.assertEqual(simulate(jobs, 1), {"a": (0, 2), "c": (2, 3), "b": (3, 5)})

    def test_no_idle_worker_while_jobs_wait(self):
        """a lower-priority ready job takes a free worker rather than wait"""
        jobs = [Job("long", 10, (), 9), Job("low", 1, (), 0), Job("after", 1, ("long",), 9)]
        self.assertEqual(simulate(jobs, 2), {"long": (0, 10), "low": (0, 1), "after": (10, 11)})

    def test_errors(self):
        """a cycle, an unknown job or no worker is an error"""
        with self.assertRaises(ValueError):
            simulate([Job("a", 1, ("b",)), Job("b", 1, ("a",))], 2)
        with self.assertRaises(ValueError):
            simulate([Job("a", 1, ("ghost",))], 2)
        with self.assertRaises(ValueError):
            simulate([Job("a", 1)], 0)

    def test_empty(self):
        """no jobs, no plan"""
        self.assertEqual(simulate([], 3), {})

    def test_random_against_minute_by_minute(self):
        """random job graphs agree with a minute-by-minute simulation"""
        rng = random.Random(6)
        for _ in range(60):
            jobs = random_jobs(rng, rng.randint(1, 25))
            workers = rng.randint(1, 4)
            self.assertEqual(simulate(jobs, workers), brute(jobs, workers))

    def test_utilization_keeps_its_fraction(self):
        """utilization is a fraction, not rounded down"""
        self.assertAlmostEqual(utilization({"a": (0, 3), "b": (0, 1)}, 2), 4 / 6)


if __name__ == "__main__":
    unittest.main()
