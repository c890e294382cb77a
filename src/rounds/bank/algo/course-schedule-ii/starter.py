def find_order(num_courses: int, prerequisites: list[list[int]]) -> list[int]:
    """Return an order of all courses where each comes after its prerequisites.

    [a, b] in prerequisites means b must come before a. Any valid order is
    accepted. Return [] when the prerequisites contain a cycle.
    """
    raise NotImplementedError
