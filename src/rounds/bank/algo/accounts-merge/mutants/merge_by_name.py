# trap: same name, no shared email: two people
# models: merge by name: merges everyone with the same name
# caught by: test 1.4 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def accounts_merge(accounts):
    by_name = {}
    for name, *emails in accounts:  # merges everyone with the same name
        by_name.setdefault(name, set()).update(emails)
    return [[name, *sorted(emails)] for name, emails in by_name.items()]
