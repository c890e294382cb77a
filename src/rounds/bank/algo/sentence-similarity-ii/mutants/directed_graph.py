def are_sentences_similar_two(sentence1, sentence2, similar_pairs):
    if len(sentence1) != len(sentence2):
        return False
    graph = {}
    for a, b in similar_pairs:
        graph.setdefault(a, []).append(b)  # edges one way only

    def reach(a, b):
        seen, stack = {a}, [a]
        while stack:
            x = stack.pop()
            if x == b:
                return True
            for y in graph.get(x, []):
                if y not in seen:
                    seen.add(y)
                    stack.append(y)
        return False

    return all(reach(a, b) for a, b in zip(sentence1, sentence2))
