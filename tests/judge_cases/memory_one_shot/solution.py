def solve(x):
    block = bytearray(8 << 30)
    return len(block)
