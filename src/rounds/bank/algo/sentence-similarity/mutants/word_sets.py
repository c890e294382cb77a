def are_sentences_similar(sentence1, sentence2, similar_pairs):
    if len(sentence1) != len(sentence2):
        return False
    similar = {}
    for a, b in similar_pairs:
        similar.setdefault(a, set()).add(b)
        similar.setdefault(b, set()).add(a)
    # checks each word has *some* match somewhere in the other sentence, not at its own position
    return all(a in sentence2 or similar.get(a, set()) & set(sentence2) for a in sentence1)
