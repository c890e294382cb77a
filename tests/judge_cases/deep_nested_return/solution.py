def solve(x):
    # A list nested 100k levels deep: too deep to send, and too deep for the host to read.
    v = []
    for _ in range(100_000):
        v = [v]
    return v
