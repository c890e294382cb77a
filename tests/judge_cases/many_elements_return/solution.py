def solve(x):
    # 8 million ints: 64 000 000 bytes packed, just under the 64 MB result limit, and four times
    # the element cap. Small ints are shared objects, so the list itself is the 64 MB.
    return [0] * 8_000_000
