import unittest

from jobq.jobs import Job
from jobq.parse import JobsFileError, parse_jobs

FILE = """\
# the nightly run
extract:   duration=30 priority=2
transform: duration=45 after=extract
audit:     duration=10
load:      duration=20 after=transform,audit   # waits for both
"""


class ParseTest(unittest.TestCase):
    def test_the_example_file(self):
        jobs = parse_jobs(FILE.splitlines())
        self.assertEqual([j.name for j in jobs], ["extract", "transform", "audit", "load"])
        self.assertEqual(jobs[0], Job("extract", 30, (), 2))
        self.assertEqual(jobs[3].deps, ("transform", "audit"))

    def test_empty_after(self):
        self.assertEqual(parse_jobs(["a: duration=5 after="])[0].deps, ())

    def test_errors_name_the_line(self):
        for text in ("a: duration=5\na: duration=6", "a: priority=1", "a: duration=x", "a: duration=5 size=3"):
            with self.assertRaises(JobsFileError, msg=text):
                parse_jobs(text.splitlines())


if __name__ == "__main__":
    unittest.main()
