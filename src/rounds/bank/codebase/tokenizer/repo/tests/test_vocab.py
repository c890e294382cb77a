import os
import tempfile
import unittest

from subword.vocab import Vocab, format_merges, parse_merges


class VocabTest(unittest.TestCase):
    def test_ids_in_order(self):
        """ids follow the order of the tokens; adding a known token changes nothing"""
        v = Vocab(["<pad>", "a", "b"])
        self.assertEqual(v.add("a"), 1)
        self.assertEqual(v.add("ab"), 3)
        self.assertEqual((v.id("b"), v.token(3), len(v)), (2, "ab", 4))
        with self.assertRaises(KeyError):
            v.token(4)

    def test_save_and_load(self):
        """a saved vocabulary loads with the same ids"""
        v = Vocab(["<pad>", "é", "lo", "low</w>"])
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "vocab.json")
            v.save(path)
            self.assertEqual(list(Vocab.load(path)), ["<pad>", "é", "lo", "low</w>"])


class MergesTest(unittest.TestCase):
    def test_with_header(self):
        """the version header is not a merge"""
        text = "#version: 0.2\nl o\nlo w</w>\n"
        self.assertEqual(parse_merges(text), {("l", "o"): 0, ("lo", "w</w>"): 1})

    def test_without_header(self):
        """a merges file need not have a header"""
        text = "l o\no w</w>\nlo w</w>\n"
        self.assertEqual(parse_merges(text), {("l", "o"): 0, ("o", "w</w>"): 1, ("lo", "w</w>"): 2})

    def test_bad_line(self):
        """a line that is not two symbols is refused, with its number"""
        with self.assertRaisesRegex(ValueError, "line 3"):
            parse_merges("#version: 0.2\na b\nabc\n")

    def test_format_round_trip(self):
        """formatted merges parse back to the same ranks"""
        ranks = {("e", "r</w>"): 0, ("l", "o"): 1}
        self.assertEqual(format_merges(ranks), "#version: 0.2\ne r</w>\nl o\n")
        self.assertEqual(parse_merges(format_merges(ranks)), ranks)


if __name__ == "__main__":
    unittest.main()
