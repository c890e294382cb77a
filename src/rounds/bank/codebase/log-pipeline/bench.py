"""The benchmark: the busiest error window over a day of merged shard logs, at five window sizes.

build(rng) makes 16,000 records from several shards (3,000 of them errors, clustered in a dozen
incidents), shuffled as a merge of shard files arrives; run(inputs) calls peak_error_window once
per window size, as the summary does for its 10 s, 30 s, 1, 2 and 5 minute views.
"""

from logpipe.alerts import peak_error_window
from logpipe.records import LogRecord

LEVELS = ("DEBUG", "INFO", "INFO", "INFO", "WARN")
WINDOWS = (10.0, 30.0, 60.0, 120.0, 300.0)


def build(rng):
    day = 86_400.0
    records = [LogRecord(ts=round(rng.uniform(0, day), 3), level=rng.choice(LEVELS), service="api")
               for _ in range(13_000)]
    incidents = [rng.uniform(0, day - 600) for _ in range(12)]
    records += [LogRecord(ts=round(incidents[i % 12] + rng.expovariate(1 / 90), 3), level="ERROR", service="api")
                for i in range(3_000)]
    rng.shuffle(records)
    return records


# The calls are repeated: a figure of a hundred milliseconds or more stands well above the noise of
# measuring a process from outside on a busy machine.
REPEAT = 6


def run(records):
    return [[peak_error_window(records, w) for w in WINDOWS] for _ in range(REPEAT)][-1]


def digest(result):
    return repr(result)
