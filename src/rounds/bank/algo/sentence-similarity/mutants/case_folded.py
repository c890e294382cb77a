def are_sentences_similar(sentence1, sentence2, similar_pairs):
    if len(sentence1) != len(sentence2):
        return False
    pairs = {(a.lower(), b.lower()) for a, b in similar_pairs}
    return all(a.lower() == b.lower() or (a.lower(), b.lower()) in pairs or (b.lower(), a.lower()) in pairs
               for a, b in zip(sentence1, sentence2))  # case-insensitive
