"""The benchmark: the capacity review's floor, the best possible policy's misses on a day's trace.

build(rng) makes a trace of 40,000 feature lookups over 12,000 users (a few heavy users, a long
tail, as real traffic is); run(inputs) asks belady_misses for a cache of 2,000 entries.
"""

from cachekit.planning import belady_misses


def build(rng):
    users = [f"user:{i}" for i in range(12_000)]
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(users))]
    return rng.choices(users, weights=weights, k=40_000)


# The calls are repeated: a figure of a hundred milliseconds or more stands well above the noise of
# measuring a process from outside on a busy machine.
REPEAT = 2


def run(trace):
    return [belady_misses(trace, 2_000) for _ in range(REPEAT)][-1]


def digest(result):
    return str(result)
