def are_sentences_similar_two(sentence1, sentence2, similar_pairs):
    if len(sentence1) != len(sentence2):
        return False
    parent = {}
    for a, b in similar_pairs:
        parent[a] = parent.get(b, b)  # links a to b's parent, not a's root to b's root

    def find(x):
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    return all(a == b or find(a) == find(b) for a, b in zip(sentence1, sentence2))
