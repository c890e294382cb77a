import unittest

from ratelimit.config import ConfigError, Rule, parse_rule, parse_rules


class ConfigTest(unittest.TestCase):
    def test_units(self):
        self.assertEqual(parse_rule("user: 100/min"), Rule("user", 100, 60.0))
        self.assertEqual(parse_rule("ip:20/s"), Rule("ip", 20, 1.0))
        self.assertEqual(parse_rule("export: 5/h"), Rule("export", 5, 3600.0))

    def test_counted_window(self):
        self.assertEqual(parse_rule("burst: 10/30s"), Rule("burst", 10, 30.0))

    def test_several_rules_keep_their_order(self):
        self.assertEqual([r.name for r in parse_rules("user: 100/min, ip: 20/s,")], ["user", "ip"])

    def test_bad_rules(self):
        for text in ("user 100/min", "user: 100/fortnight", "user: 0/s", "a: 1/s, a: 2/s"):
            with self.assertRaises(ConfigError, msg=text):
                parse_rules(text)


if __name__ == "__main__":
    unittest.main()
