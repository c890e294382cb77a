def are_sentences_similar_two(sentence1: list[str], sentence2: list[str], similar_pairs: list[list[str]]) -> bool:
    if len(sentence1) != len(sentence2):
        return False
    parent = {}

    def find(x):
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while x != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    for a, b in similar_pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
    return all(a == b or find(a) == find(b) for a, b in zip(sentence1, sentence2))
