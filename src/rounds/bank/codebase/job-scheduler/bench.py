"""The benchmark: planning a night of the whole company's batch jobs.

build(rng) makes 2,500 jobs: half wait for nothing, the others for one to three earlier jobs; each
runs 1 to 90 minutes and has a priority from 0 to 5. run(inputs) plans them on 8 workers and on 12,
as the capacity review compares them: hundreds of jobs are ready and waiting for a worker most of
the night.
"""

from jobq.jobs import Job
from jobq.schedule import simulate


def build(rng):
    jobs = []
    for i in range(2_500):
        k = min(i, rng.choice((0, 0, 0, 1, 2, 3)))
        deps = tuple(sorted({f"job{rng.randrange(max(0, i - 400), i):04d}" for _ in range(k)})) if k else ()
        jobs.append(Job(f"job{i:04d}", rng.randint(1, 90), deps, rng.randint(0, 5)))
    rng.shuffle(jobs)
    return jobs


# The calls are repeated: a figure of a hundred milliseconds or more stands well above the noise of
# measuring a process from outside on a busy machine.
REPEAT = 6


def run(jobs):
    return [[simulate(jobs, workers) for workers in (8, 12)] for _ in range(REPEAT)][-1]


def digest(result):
    return repr([sorted(plan.items()) for plan in result])
