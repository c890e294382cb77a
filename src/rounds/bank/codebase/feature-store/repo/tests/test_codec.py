import unittest

from featclient.codec import decode
from featclient.rows import FeatureRow, parse_rows
from featclient.schema import FeatureSpec, parse_specs

SPECS = parse_specs([{"name": "clicks", "dtype": "int", "default": 0},
                     {"name": "premium", "dtype": "bool", "default": False},
                     {"name": "country", "dtype": "str"}])


class CodecTest(unittest.TestCase):
    def test_numbers_and_strings(self):
        self.assertEqual(decode("42", "int"), 42)
        self.assertEqual(decode(" 2.5 ", "float"), 2.5)
        self.assertEqual(decode("de", "str"), "de")
        self.assertIsNone(decode("", "int"))

    def test_booleans(self):
        self.assertEqual([decode(t, "bool") for t in ("true", "False", "1", "0", "YES", "no")],
                         [True, False, True, False, True, False])

    def test_parse_rows(self):
        rows = parse_rows(["entity,feature,ts,value", "u1,clicks,100,3", "u1,premium,100,false"], SPECS)
        self.assertEqual(rows, [FeatureRow("u1", "clicks", 100.0, 3), FeatureRow("u1", "premium", 100.0, False)])

    def test_unknown_feature(self):
        with self.assertRaises(ValueError):
            parse_rows(["u1,height,1,3"], SPECS)

    def test_bad_dtype(self):
        with self.assertRaises(ValueError):
            FeatureSpec("x", "decimal")


if __name__ == "__main__":
    unittest.main()
