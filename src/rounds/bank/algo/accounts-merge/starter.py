def accounts_merge(accounts: list[list[str]]) -> list[list[str]]:
    """Merge accounts [name, *emails] that share an email, transitively.

    Return one [name, *distinct emails] per group; groups and the emails
    inside each may come in any order. Equal names alone do not merge.
    """
    raise NotImplementedError
