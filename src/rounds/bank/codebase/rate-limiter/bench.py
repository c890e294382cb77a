"""The benchmark: an hour of recorded API traffic replayed against four proposed per-user rules.

build(rng) makes 24,000 requests from 40 users over an hour, in time order, with a few heavy users
well over the rules and a long tail of light ones; run(inputs) replays them against each proposal,
as the planning review compares them.
"""

from ratelimit.planning import replay


def build(rng):
    users = [f"u{i:02d}" for i in range(40)]
    weights = [1.0 / (i + 1) ** 1.2 for i in range(len(users))]
    times = sorted(rng.uniform(0, 3600) for _ in range(24_000))
    keys = rng.choices(users, weights=weights, k=len(times))
    return [(round(t, 3), k) for t, k in zip(times, keys)]


PROPOSALS = ((60, 60.0), (20, 10.0), (300, 600.0), (5, 1.0))


# The calls are repeated: a figure of a hundred milliseconds or more stands well above the noise of
# measuring a process from outside on a busy machine.
REPEAT = 8


def run(events):
    return [[replay(events, limit=limit, window_s=window) for limit, window in PROPOSALS]
            for _ in range(REPEAT)][-1]


def digest(result):
    return repr([sorted(r.items()) for r in result])
