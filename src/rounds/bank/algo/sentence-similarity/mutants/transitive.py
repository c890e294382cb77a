def are_sentences_similar(sentence1, sentence2, similar_pairs):
    if len(sentence1) != len(sentence2):
        return False
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in similar_pairs:  # union-find: makes synonyms of synonyms similar
        parent[find(a)] = find(b)
    return all(a == b or find(a) == find(b) for a, b in zip(sentence1, sentence2))
