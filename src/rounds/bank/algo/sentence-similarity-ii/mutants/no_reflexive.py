def are_sentences_similar_two(sentence1, sentence2, similar_pairs):
    if len(sentence1) != len(sentence2):
        return False
    parent = {}

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in similar_pairs:
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        parent[find(a)] = find(b)
    # a word that appears in no pair is not similar even to itself
    return all(a in parent and b in parent and find(a) == find(b) for a, b in zip(sentence1, sentence2))
