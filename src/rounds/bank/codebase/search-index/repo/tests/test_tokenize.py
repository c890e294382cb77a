import unittest

from textindex.tokenize import tokenize, tokens_with_stops


class TokenizeTest(unittest.TestCase):
    def test_lower_case_and_stop_words(self):
        self.assertEqual(tokenize("The Cat sat on the MAT."), ["cat", "sat", "mat"])

    def test_apostrophes_and_digits(self):
        self.assertEqual(tokenize("Don't reset 2FA codes"), ["don't", "reset", "2fa", "codes"])

    def test_positions_count_stop_words(self):
        self.assertEqual(tokens_with_stops("Reset the password"), ["reset", "the", "password"])


if __name__ == "__main__":
    unittest.main()
