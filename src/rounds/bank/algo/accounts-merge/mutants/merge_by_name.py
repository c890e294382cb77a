def accounts_merge(accounts):
    by_name = {}
    for name, *emails in accounts:  # merges everyone with the same name
        by_name.setdefault(name, set()).update(emails)
    return [[name, *sorted(emails)] for name, emails in by_name.items()]
