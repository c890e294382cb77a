import unittest

from subword.pretokenize import pre_tokenize, word_counts


class PreTokenizeTest(unittest.TestCase):
    def test_words_and_punctuation(self):
        """words and punctuation marks, each with its span"""
        self.assertEqual(pre_tokenize("Hello, world!"),
                         [("Hello", (0, 5)), (",", (5, 6)), ("world", (7, 12)), ("!", (12, 13))])

    def test_offsets_after_a_double_space(self):
        """offsets count every whitespace character skipped"""
        self.assertEqual(pre_tokenize("hello  world"), [("hello", (0, 5)), ("world", (7, 12))])

    def test_offsets_past_accents(self):
        """offsets count characters, not UTF-8 bytes: "é" is one character"""
        text = "café au lait"
        self.assertEqual(pre_tokenize(text)[1], ("au", (5, 7)))
        self.assertTrue(all(text[s:e] == w for w, (s, e) in pre_tokenize(text)))

    def test_word_counts(self):
        """training counts words across texts"""
        self.assertEqual(word_counts(["a b a", "b ."]), {"a": 2, "b": 2, ".": 1})


if __name__ == "__main__":
    unittest.main()
