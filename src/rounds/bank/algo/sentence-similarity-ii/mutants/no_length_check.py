def are_sentences_similar_two(sentence1, sentence2, similar_pairs):
    parent = {}

    def find(x):
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for a, b in similar_pairs:
        parent[find(a)] = find(b)
    return all(a == b or find(a) == find(b) for a, b in zip(sentence1, sentence2))  # zip truncates
