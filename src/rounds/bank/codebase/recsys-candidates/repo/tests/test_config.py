import unittest

from candgen.config import CandidateConfig, from_dict


class ConfigTest(unittest.TestCase):
    def test_from_dict(self):
        cfg = from_dict({"k": 10, "quotas": {"popular": 0.25, "covisit": 0.75}, "blocked": ["3", 4]})
        self.assertEqual(cfg.k, 10)
        self.assertEqual(cfg.quotas, (("popular", 0.25), ("covisit", 0.75)))
        self.assertEqual(cfg.blocked, frozenset({3, 4}))
        self.assertEqual(cfg.window, CandidateConfig().window)

    def test_unknown_keys_are_refused(self):
        with self.assertRaisesRegex(ValueError, "windw"):
            from_dict({"windw": 5})

    def test_shares_add_up_to_one(self):
        with self.assertRaises(ValueError):
            from_dict({"quotas": {"covisit": 0.7, "popular": 0.4}})
        with self.assertRaises(ValueError):
            CandidateConfig(k=0)


if __name__ == "__main__":
    unittest.main()
