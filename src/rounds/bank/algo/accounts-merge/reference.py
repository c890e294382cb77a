def accounts_merge(accounts: list[list[str]]) -> list[list[str]]:
    parent = list(range(len(accounts)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]  # path halving
            x = parent[x]
        return x

    owner = {}
    for i, (_, *emails) in enumerate(accounts):
        for e in emails:
            if e in owner:
                a, b = find(i), find(owner[e])
                if a != b:
                    parent[a] = b
            else:
                owner[e] = i
    groups = {}
    for e, i in owner.items():
        groups.setdefault(find(i), []).append(e)
    return [[accounts[root][0], *sorted(emails)] for root, emails in groups.items()]
