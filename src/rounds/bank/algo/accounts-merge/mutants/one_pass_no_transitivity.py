# trap: the third account links the first two
# models: one pass no transitivity: (name, emails); joins the first overlapping group only: two
#   groups this account links stay apart
# caught by: test 1.5 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
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
