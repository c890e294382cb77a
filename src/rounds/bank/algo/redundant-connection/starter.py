def find_redundant_connection(edges: list[list[int]]) -> list[int]:
    """Return the link on the single cycle that appears last in edges (as written).

    edges: n undirected links on nodes 1..n forming a tree plus one link.
    """
    raise NotImplementedError
