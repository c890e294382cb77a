import random
import unittest

from candgen.config import CandidateConfig
from candgen.covisit import covisit_topk
from candgen.events import Interaction, sessionize
from candgen.generator import CandidateGenerator
from candgen.merge import allocate, merge
from candgen.popularity import PopularityIndex

DAY = 86_400.0
NOW = 1_700_000_000.0


def ev(user, item, ts):
    return Interaction(user, item, float(ts))


def brute_covisit(sessions, queries, k, window):
    out = {}
    for q in queries:
        counts = {}
        for s in sessions:
            for i in range(len(s)):
                for j in range(i + 1, len(s)):
                    if j - i <= window and s[i] != s[j] and q in (s[i], s[j]):
                        other = s[j] if s[i] == q else s[i]
                        counts[other] = counts.get(other, 0) + 1
        out[q] = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))[:k]
    return out


class Sessions(unittest.TestCase):
    def test_the_gap_boundary(self):
        """a pause of exactly gap_s keeps the session; a longer one starts a new session"""
        events = [ev("u", 1, 0), ev("u", 2, 600), ev("u", 3, 1200.5), ev("u", 4, 1800.5)]
        self.assertEqual(sessionize(events, 600), [[1, 2], [3, 4]])

    def test_reloads_count_once_and_keep_the_session_alive(self):
        """consecutive views of one item are one entry, but each of them keeps the session going"""
        events = [ev("u", 5, 0), ev("u", 5, 1000), ev("u", 5, 2000), ev("u", 7, 2500), ev("u", 5, 2600)]
        self.assertEqual(sessionize(events, 1800), [[5, 7, 5]])

    def test_users_sorted_and_events_in_time_order(self):
        """sessions come user by user, users sorted, each user's events sorted by time"""
        events = [ev("z", 1, 50), ev("b", 2, 9000), ev("z", 3, 10), ev("b", 4, 100), ev("b", 6, 120)]
        self.assertEqual(sessionize(events, 1800), [[4, 6], [2], [3, 1]])


class Popularity(unittest.TestCase):
    def test_weights_decay_with_age(self):
        """an event's weight halves every half-life of age, and never grows with it"""
        index = PopularityIndex([ev("u", 1, NOW - 3 * DAY), ev("v", 2, NOW - DAY / 2), ev("w", 3, NOW)],
                                NOW, half_life_s=DAY)
        self.assertAlmostEqual(index.score(1), 0.125)
        self.assertAlmostEqual(index.score(2), 0.5 ** 0.5)
        self.assertAlmostEqual(index.score(3), 1.0)
        self.assertEqual(index.top(3), [3, 2, 1])

    def test_future_events_add_nothing(self):
        """events after now are not known yet: no score, never proposed"""
        index = PopularityIndex([ev("u", 1, NOW + 10), ev("u", 2, NOW - 10), ev("v", 1, NOW + 5)], NOW, DAY)
        self.assertEqual(index.score(1), 0.0)
        self.assertEqual(index.top(5), [2])

    def test_top_after_excluding(self):
        """top(k, exclude) gives k items whenever k others were seen, the best of them in order"""
        rng = random.Random(5)
        events = [ev(f"u{n}", rng.randint(0, 30), NOW - rng.randint(0, 10) * 3600) for n in range(300)]
        index = PopularityIndex(events, NOW, DAY)
        ranked = sorted({e.item for e in events}, key=lambda item: (-index.score(item), item))
        for k in (1, 3, 8, 40):
            exclude = set(ranked[:5]) | {ranked[-1]}
            self.assertEqual(index.top(k, exclude=exclude), [i for i in ranked if i not in exclude][:k])


class Allocate(unittest.TestCase):
    def test_largest_remainders_get_the_leftover_slots(self):
        """the slots left after flooring go to the largest fractional parts, not the first source"""
        self.assertEqual(allocate([("a", 0.2), ("b", 0.3), ("c", 0.5)], 7), {"a": 1, "b": 2, "c": 4})
        self.assertEqual(allocate([("a", 0.5), ("b", 0.5)], 5), {"a": 3, "b": 2})
        self.assertEqual(allocate([("popular", 0.3), ("covisit", 0.7)], 1), {"popular": 0, "covisit": 1})

    def test_slots_always_add_up(self):
        """for any shares and k, the slots add up to k and each is its share rounded down or up"""
        rng = random.Random(7)
        for _ in range(200):
            raw = [rng.random() + 0.01 for _ in range(rng.randint(1, 4))]
            quotas = [(f"s{i}", x / sum(raw)) for i, x in enumerate(raw)]
            k = rng.randint(0, 60)
            slots = allocate(quotas, k)
            self.assertEqual(sum(slots.values()), k)
            for name, share in quotas:
                self.assertLessEqual(abs(slots[name] - share * k), 1.0 + 1e-9)


class Merge(unittest.TestCase):
    def test_quota_pass_then_backfill(self):
        """each source fills its slots first (earlier sources win shared items), then the backfill"""
        quotas = [("a", 0.4), ("b", 0.4), ("c", 0.2)]
        got = merge({"a": [1, 2], "b": [2, 3, 4, 5], "c": [6, 7]}, quotas, 6)
        self.assertEqual(got, [(1, "a"), (2, "a"), (3, "b"), (4, "b"), (6, "c"), (5, "b")])

    def test_never_more_than_k(self):
        """an odd k with the default 70/30 split gives k candidates, not one more"""
        got = merge({"covisit": list(range(10)), "popular": list(range(10, 20))}, CandidateConfig().quotas, 5)
        self.assertEqual([source for _, source in got], ["covisit"] * 4 + ["popular"])


class Covisit(unittest.TestCase):
    def test_against_brute_force(self):
        """random sessions agree with counting every pair of positions within the window"""
        rng = random.Random(11)
        for _ in range(80):
            sessions = [[rng.randint(0, 12) for _ in range(rng.randint(0, 14))] for _ in range(rng.randint(0, 8))]
            queries = [rng.randint(0, 14) for _ in range(rng.randint(0, 6))]
            k, window = rng.randint(1, 6), rng.randint(1, 5)
            self.assertEqual(covisit_topk(sessions, queries, k, window), brute_covisit(sessions, queries, k, window))

    def test_a_repeat_in_a_session(self):
        """every pair of positions counts, the same two items met twice in one session included"""
        self.assertEqual(covisit_topk([[1, 2, 1]], [1, 2], k=3, window=2), {1: [(2, 2)], 2: [(1, 2)]})

    def test_edges(self):
        """bad k or window are errors; queries may be any iterable; sessions are left alone"""
        sessions = [[3, 1, 2], [2, 3]]
        for k, window in ((0, 2), (2, 0)):
            with self.assertRaises(ValueError):
                covisit_topk(sessions, [1], k, window)
        got = covisit_topk(sessions, (q for q in [3, 3, 7]), 1, 1)
        self.assertEqual(got, {3: [(1, 1)], 7: []})
        self.assertEqual(sessions, [[3, 1, 2], [2, 3]])
        self.assertEqual(covisit_topk([], [4], 2, 3), {4: []})


class Generator(unittest.TestCase):
    def test_never_seen_or_blocked_and_k_when_possible(self):
        """every user gets k distinct items, none seen or blocked, the sources sharing the slots"""
        rng = random.Random(3)
        events = [ev(f"u{rng.randint(0, 15)}", rng.randint(0, 60), NOW - rng.randint(0, 20_000)) for _ in range(400)]
        config = CandidateConfig(k=12, window=2, recent_items=3, per_query=30, blocked=frozenset({0, 1, 2}),
                                 quotas=(("covisit", 0.6), ("popular", 0.4)))
        gen = CandidateGenerator(config).fit(events, NOW)
        users = sorted({e.user for e in events}) + ["stranger"]
        got = gen.candidates(users)
        items = {e.item for e in events}
        for user in users:
            seen = {e.item for e in events if e.user == user}
            picked = [item for item, _ in got[user]]
            self.assertEqual(len(picked), len(set(picked)))
            self.assertFalse(set(picked) & (seen | config.blocked))
            self.assertEqual(len(picked), min(12, len(items - seen - config.blocked)))
        self.assertTrue(all(source == "popular" for _, source in got["stranger"]))


if __name__ == "__main__":
    unittest.main()
