"""The benchmark: smoothing a long training run's loss curve for the dashboard.

build(rng) makes 30,000 logged loss values (integers in micro-units, noisy and slowly falling, with
spikes); run(inputs) asks rolling_median for the dashboard's two smoothing windows.
"""

from trainutil.smoothing import rolling_median

WINDOWS = (501, 1000)


def build(rng):
    return [int(1e6 * (2.0 / (1 + i / 3000)) * rng.uniform(0.8, 1.2) + (rng.random() < 0.01) * 5e6)
            for i in range(30_000)]


# The calls are repeated: a figure of a hundred milliseconds or more stands well above the noise of
# measuring a process from outside on a busy machine.
REPEAT = 2


def run(values):
    return [[rolling_median(values, w) for w in WINDOWS] for _ in range(REPEAT)][-1]


def digest(result):
    return repr(result)
