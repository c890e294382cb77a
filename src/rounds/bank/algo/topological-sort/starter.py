def topological_sort(tasks: list[str], deps: list[list[str]]) -> list[str] | None:
    """Return every task once, each pair [a, b] having a before b; None on a cycle.

    Any valid order is accepted.
    """
    raise NotImplementedError
