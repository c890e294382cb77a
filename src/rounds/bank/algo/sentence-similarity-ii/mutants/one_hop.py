# trap: two pairs meet at a shared word
# models: one hop: not transitive
# caught by: test 1.4 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def are_sentences_similar_two(sentence1, sentence2, similar_pairs):
    if len(sentence1) != len(sentence2):
        return False
    pairs = {(a, b) for a, b in similar_pairs} | {(b, a) for a, b in similar_pairs}
    return all(a == b or (a, b) in pairs for a, b in zip(sentence1, sentence2))  # not transitive
