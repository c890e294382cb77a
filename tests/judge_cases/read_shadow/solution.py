def solve(x):
    with open("/etc/shadow") as f:
        return f.read()
