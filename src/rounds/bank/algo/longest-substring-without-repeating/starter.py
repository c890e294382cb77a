def length_of_longest_substring(s: str) -> int:
    """Return the length of the longest contiguous substring of s with no repeated character.

    Case-sensitive; every character counts. Return 0 for "".
    """
    raise NotImplementedError
