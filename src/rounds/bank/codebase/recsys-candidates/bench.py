"""The benchmark: the nightly batch of co-visit lookups for the candidate generator.

build(rng) makes a day of sessions over 20,000 items (a heavy head and a long tail): 2,000 ordinary
sessions of 2 to 30 views, and 24 very long ones of 1,000 to 3,000 views (binge sessions, a crawler
that got past the bot filter), about 77,000 views in all; and 8,000 query items, the items whose
lists the nightly job refreshes, picked across the whole catalogue (some more than once: about
6,600 distinct). run(inputs) asks covisit_topk for the 20 items most co-visited with each query,
with a window of 3.
"""

from candgen.covisit import covisit_topk

ITEMS = 20_000


def build(rng):
    cum, total = [], 0.0
    for i in range(ITEMS):
        total += 1.0 / (i + 1) ** 0.9
        cum.append(total)
    items = list(range(ITEMS))
    rng.shuffle(items)  # item ids say nothing about popularity
    lengths = [rng.randint(2, 30) for _ in range(2_000)] + [rng.randint(1_000, 3_000) for _ in range(24)]
    rng.shuffle(lengths)
    sessions = [rng.choices(items, cum_weights=cum, k=n) for n in lengths]
    queries = [rng.randrange(ITEMS) for _ in range(8_000)]
    return sessions, queries


# One call is enough: it takes well over a hundred milliseconds, above the noise of measuring a
# process from outside on a busy machine (raise REPEAT if it ever gets much faster).
REPEAT = 1


def run(inputs):
    sessions, queries = inputs
    return [covisit_topk(sessions, queries, 20, 3) for _ in range(REPEAT)][-1]


def digest(result):
    return repr(sorted(result.items()))
