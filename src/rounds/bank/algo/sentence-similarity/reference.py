def are_sentences_similar(sentence1: list[str], sentence2: list[str], similar_pairs: list[list[str]]) -> bool:
    if len(sentence1) != len(sentence2):
        return False
    pairs = {(a, b) for a, b in similar_pairs}
    return all(a == b or (a, b) in pairs or (b, a) in pairs for a, b in zip(sentence1, sentence2))
