def are_sentences_similar_two(sentence1, sentence2, similar_pairs):
    if len(sentence1) != len(sentence2):
        return False
    pairs = {(a, b) for a, b in similar_pairs} | {(b, a) for a, b in similar_pairs}
    return all(a == b or (a, b) in pairs for a, b in zip(sentence1, sentence2))  # not transitive
