# trap: about 16k accounts: needs near-linear merging
# models: quadratic rescan: merges pairs until nothing changes: O(n^2) per sweep
# caught by: test 1.18 (TLE)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def accounts_merge(accounts):
    groups = [(a[0], set(a[1:])) for a in accounts]
    changed = True
    while changed:  # merges pairs until nothing changes: O(n^2) per sweep
        changed = False
        out = []
        for name, emails in groups:
            for g in out:
                if not g[1].isdisjoint(emails):
                    g[1].update(emails)
                    changed = True
                    break
            else:
                out.append((name, set(emails)))
        groups = out
    return [[name, *sorted(emails)] for name, emails in groups]
