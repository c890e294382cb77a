def suggest(history: list[str], typed: str, k: int) -> list[list[str]]:
    """For each prefix typed[:1] .. typed[:len(typed)], the top k past queries starting with it.

    Popularity = number of occurrences in history; order by popularity descending,
    then the query string ascending. Distinct queries; [] when nothing matches.
    """
    raise NotImplementedError
