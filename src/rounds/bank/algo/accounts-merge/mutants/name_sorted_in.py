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
    return [sorted([accounts[r][0], *es]) for r, es in groups.items()]  # sorts the name in among the emails
