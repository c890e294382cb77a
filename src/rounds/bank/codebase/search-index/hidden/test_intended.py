import math
import random
import unittest

from textindex.index import InvertedIndex
from textindex.query import search
from textindex.scoring import bm25, idf
from textindex.snippets import best_window, snippet
from textindex.tokenize import tokenize


def brute_window(tokens, terms):
    need = set(terms)
    if not need:
        return None
    best = None
    for i in range(len(tokens)):
        for j in range(i + 1, len(tokens) + 1):
            if need <= set(tokens[i:j]):
                if best is None or j - i < best[1] - best[0]:
                    best = (i, j)
                break
    return best


class Tokens(unittest.TestCase):
    def test_queries_and_documents_meet(self):
        """an upper-case query finds a lower-case document, and the other way round"""
        index = InvertedIndex()
        index.add("x", "PASSWORD Reset")
        index.add("y", "password reset")
        self.assertEqual({d for d, _ in search(index, "Password")}, {"x", "y"})

    def test_stop_words_in_capitals(self):
        """stop words are dropped whatever their case"""
        self.assertEqual(tokenize("THE And Of refund"), ["refund"])


class Index(unittest.TestCase):
    def test_remove_then_stats(self):
        """after a removal, terms, df and the average length forget the document"""
        index = InvertedIndex()
        index.add("a", "alpha beta")
        index.add("b", "beta gamma delta epsilon")
        index.remove("b")
        self.assertEqual(index.terms(), ["alpha", "beta"])
        self.assertEqual(index.df("gamma"), 0)
        self.assertEqual(index.average_length(), 2.0)
        with self.assertRaises(KeyError):
            index.remove("b")

    def test_average_length_is_not_rounded(self):
        """the average length keeps its fraction"""
        index = InvertedIndex()
        for doc_id, text in (("a", "one"), ("b", "one two")):
            index.add(doc_id, text)
        self.assertEqual(index.average_length(), 1.5)


class Scores(unittest.TestCase):
    def test_bm25_on_a_random_corpus(self):
        """BM25 follows Lucene's formula on random documents"""
        rng = random.Random(2)
        words = [f"t{i}" for i in range(12)]
        index = InvertedIndex()
        docs = {f"d{i}": rng.choices(words, k=rng.randint(1, 15)) for i in range(20)}
        for d, toks in docs.items():
            index.add(d, " ".join(toks))
        avg = sum(len(t) for t in docs.values()) / len(docs)
        for d, toks in docs.items():
            for w in words[:4]:
                df = sum(w in t for t in docs.values())
                tf = toks.count(w)
                want = 0.0
                if tf:
                    want = (math.log(1 + (20 - df + 0.5) / (df + 0.5)) * tf * 2.2
                            / (tf + 1.2 * (0.25 + 0.75 * len(toks) / avg)))
                self.assertAlmostEqual(bm25(index, d, [w]), want, places=9)

    def test_idf_stays_positive(self):
        """a term in every document still has a positive idf"""
        index = InvertedIndex()
        for d in "abc":
            index.add(d, "common words")
        self.assertAlmostEqual(idf(index, "common"), math.log(1 + 0.5 / 3.5))


class Search(unittest.TestCase):
    def test_ties_in_id_order_across_k(self):
        """equal scores come in doc_id order, and k cuts after the sort"""
        index = InvertedIndex()
        for d in ("m", "c", "x", "a"):
            index.add(d, "same text")
        self.assertEqual([d for d, _ in search(index, "text", k=3)], ["a", "c", "m"])

    def test_exclusion_before_the_cut(self):
        """an excluded document never takes one of the k places"""
        index = InvertedIndex()
        index.add("a", "refund refund refund paypal")  # the best score, but excluded
        index.add("b", "refund policy")
        index.add("c", "refund request")
        self.assertEqual([d for d, _ in search(index, "refund -paypal", k=2)], ["b", "c"])

    def test_higher_score_first(self):
        """a higher score comes first whatever its id"""
        index = InvertedIndex()
        index.add("a", "card")
        index.add("z", "card card card")
        self.assertEqual([d for d, _ in search(index, "card")], ["z", "a"])


class Windows(unittest.TestCase):
    def test_leftmost_of_the_shortest(self):
        """among windows of the same shortest length, the leftmost wins"""
        self.assertEqual(best_window("x a b y b a".split(), ["a", "b"]), (1, 3))

    def test_repeated_and_single_terms(self):
        """a repeated query term counts once; one term is a window of one token"""
        self.assertEqual(best_window("q r s r".split(), ["r", "r"]), (1, 2))
        self.assertEqual(best_window([], ["r"]), None)
        self.assertEqual(best_window("q r".split(), []), None)

    def test_random_against_brute_force(self):
        """random token lists agree with trying every window"""
        rng = random.Random(4)
        for _ in range(150):
            tokens = rng.choices("abcdefg", k=rng.randint(0, 40))
            terms = rng.sample("abcdefgh", rng.randint(1, 4))
            self.assertEqual(best_window(tokens, terms), brute_window(tokens, terms))

    def test_tuple_input(self):
        """tokens may come as a tuple"""
        self.assertEqual(best_window(("a", "b", "a"), ("b",)), (1, 2))

    def test_snippet_without_a_window(self):
        """a snippet without a full window shows the start of the text"""
        self.assertEqual(snippet("one two three", ["missing"], limit=2), "one two ...")


if __name__ == "__main__":
    unittest.main()
