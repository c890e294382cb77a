"""The benchmark: snippets for a page of long results.

build(rng) makes 100 help-centre articles of 2,500 tokens each over a vocabulary of 400 words (a
few common, most rare, as in real text), and for each a query of three words it holds, none of them
rare; run(inputs) asks best_window for every article's snippet, as a results page does.
"""

from collections import Counter

from textindex.snippets import best_window


def build(rng):
    vocab = [f"w{i}" for i in range(400)]
    weights = [1.0 / (i + 1) for i in range(len(vocab))]
    pages = []
    for _ in range(100):
        tokens = rng.choices(vocab, weights=weights, k=2_500)
        counts = Counter(tokens)
        common = [w for w, c in counts.items() if 15 <= c <= 40]
        terms = rng.sample(common, 3) if len(common) >= 3 else common
        pages.append((tokens, terms))
    return pages


# The calls are repeated: a figure of a hundred milliseconds or more stands well above the noise of
# measuring a process from outside on a busy machine.
REPEAT = 3


def run(pages):
    return [[best_window(tokens, terms) for tokens, terms in pages] for _ in range(REPEAT)][-1]


def digest(result):
    return repr(result)
