import unittest

from textindex.snippets import best_window, snippet


class SnippetTest(unittest.TestCase):
    def test_best_window(self):
        tokens = "to reset a card pin open the card app then reset pin".split()
        self.assertEqual(best_window(tokens, ["reset", "pin"]), (10, 12))

    def test_missing_term(self):
        self.assertIsNone(best_window("a b c".split(), ["d"]))

    def test_snippet_marks_terms(self):
        text = "Billing. To change your card, open settings and pick a new card for billing."
        self.assertEqual(snippet(text, ["card", "settings"], margin=1),
                         "... your **card** open **settings** and ...")


if __name__ == "__main__":
    unittest.main()
