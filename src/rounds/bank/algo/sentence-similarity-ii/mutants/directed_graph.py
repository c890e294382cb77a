# trap: two pairs meet at a shared word
# models: directed graph: edges one way only
# caught by: test 1.4 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
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
