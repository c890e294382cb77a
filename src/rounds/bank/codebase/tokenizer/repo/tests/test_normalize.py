import unittest

from subword.normalize import normalize


class NormalizeTest(unittest.TestCase):
    def test_compatibility_forms(self):
        """ligatures and full-width letters become ordinary letters; case is kept"""
        self.assertEqual(normalize("ﬁne Ｗｏｒｄｓ"), "fine Words")

    def test_lowercase_styled_letters(self):
        """a lower-casing tokenizer sees no capital, even in styled Unicode letters"""
        self.assertEqual(normalize("𝐇𝐞𝐥𝐥𝐨 Ｗｏｒｌｄ", lowercase=True), "hello world")

    def test_control_characters(self):
        """control characters go, tabs and line breaks stay"""
        self.assertEqual(normalize("a\x07b\tc\n"), "ab\tc\n")


if __name__ == "__main__":
    unittest.main()
