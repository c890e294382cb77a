"""The limiter the API gateway calls: every configured rule, one sliding-window log each.

``check(subject, now)`` asks every rule about the request; ``subject`` maps a rule's name to the key
that rule counts by (``{"user": "u42", "ip": "10.0.0.7"}``); a rule whose name is missing from it
does not apply. The request is allowed only when every rule that applies allows it, and only an
allowed request is recorded, by every rule that applies: a denied request costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ratelimit.config import Rule, parse_rules
from ratelimit.sliding_log import SlidingWindowLog


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after: float = 0.0  # seconds, when denied: the longest wait among the rules that deny
    denied_by: tuple[str, ...] = field(default_factory=tuple)


class RateLimiter:
    def __init__(self, rules: list[Rule] | str) -> None:
        self.rules = parse_rules(rules) if isinstance(rules, str) else list(rules)
        self._logs = {r.name: SlidingWindowLog(r.limit, r.window_s) for r in self.rules}
        self.allowed = 0
        self.denied = 0

    def check(self, subject: dict[str, str], now: float) -> Decision:
        applying = [(rule, subject[rule.name]) for rule in self.rules if rule.name in subject]
        denied: list[str] = []
        wait = 0.0
        for rule, key in applying:  # ask every rule first: a denied request is recorded by none
            log = self._logs[rule.name]
            if not log.would_allow(key, now):
                denied.append(rule.name)
                wait = max(wait, log.retry_after(key, now))
        if denied:
            self.denied += 1
            return Decision(False, wait, tuple(denied))
        for rule, key in applying:
            self._logs[rule.name].record(key, now)
        self.allowed += 1
        return Decision(True)

    def stats(self) -> dict[str, int]:
        return {"allowed": self.allowed, "denied": self.denied}
