import unittest

from candgen.config import CandidateConfig
from candgen.events import Interaction
from candgen.generator import CandidateGenerator

NOW = 1_700_000_000.0
T = NOW - 3600
LOG = [("a", 1, 0), ("a", 2, 60), ("a", 3, 120),
       ("b", 2, 0), ("b", 3, 60), ("b", 4, 120), ("b", 9, 180),
       ("c", 6, 0), ("c", 7, 60), ("c", 6, 120),
       ("u", 8, 0), ("u", 2, 60)]
CONFIG = CandidateConfig(k=4, window=2, recent_items=2, per_query=10, half_life_s=86_400.0,
                         quotas=(("covisit", 0.5), ("popular", 0.5)), blocked=frozenset({9}))


def fitted():
    events = [Interaction(user, item, T + dt) for user, item, dt in LOG]
    return CandidateGenerator(CONFIG).fit(events, NOW)


class GeneratorTest(unittest.TestCase):
    def test_recent_queries(self):
        gen = fitted()
        self.assertEqual(gen.recent_queries("u"), [2, 8])
        self.assertEqual(gen.recent_queries("c"), [6, 7])
        self.assertEqual(gen.recent_queries("nobody"), [])

    def test_a_known_user(self):
        self.assertEqual(fitted().candidates(["u"]),
                         {"u": [(3, "covisit"), (1, "covisit"), (6, "popular"), (4, "popular")]})

    def test_a_new_user_gets_popular_items(self):
        self.assertEqual(fitted().candidates(["new"]),
                         {"new": [(2, "popular"), (3, "popular"), (6, "popular"), (4, "popular")]})


if __name__ == "__main__":
    unittest.main()
