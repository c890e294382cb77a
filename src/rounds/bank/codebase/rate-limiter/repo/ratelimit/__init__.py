"""ratelimit: the request limiter in front of our public API.

Rules come from a small config string (``"user: 100/min, ip: 20/s"``); each rule is enforced by a
sliding-window log per key, and bursts of expensive calls go through token buckets. The
``planning`` module replays recorded traffic against a proposed rule, to see what it would have
rejected before it ships.
"""

from ratelimit.clock import FakeClock, SystemClock
from ratelimit.config import Rule, parse_rules
from ratelimit.planning import replay
from ratelimit.service import Decision, RateLimiter
from ratelimit.sliding_log import SlidingWindowLog
from ratelimit.token_bucket import TokenBucket

__all__ = ["Decision", "FakeClock", "RateLimiter", "Rule", "SlidingWindowLog", "SystemClock", "TokenBucket",
           "parse_rules", "replay"]
