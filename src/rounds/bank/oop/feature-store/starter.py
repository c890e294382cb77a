class FeatureStore:
    """Feature values with an event time, read by event time (and, from level 3, by write time).

    Every method takes the call's timestamp first: positive ints, strictly increasing.
    A read chooses, among the records it may see, the greatest event time; ties go to the
    record put last (the latest correction).
    """

    def __init__(self) -> None:
        """An empty store."""

    # ---- level 1 -------------------------------------------------------
    def put(self, timestamp: int, entity: str, feature: str, value: float, event_time: int) -> None:
        """Store a record (0 <= event_time <= timestamp); never overwrites. Returns None."""
        raise NotImplementedError

    def get(self, timestamp: int, entity: str, feature: str) -> float | None:
        """The current value (greatest event time, ties to the last put); None if none."""
        raise NotImplementedError

    def get_at(self, timestamp: int, entity: str, feature: str, at: int) -> float | None:
        """The value as of event time at: only records with event_time <= at; None if none."""
        raise NotImplementedError

    def get_vector(self, timestamp: int, entity: str, features: list[str]) -> list[float | None]:
        """get() for each feature, in the order given, None entries included."""
        raise NotImplementedError

    # ---- level 2 -------------------------------------------------------
    def top_entities(self, timestamp: int, feature: str, k: int) -> list[str]:
        """Up to k "entity(value)" by current value desc, then entity asc; [] if k <= 0."""
        raise NotImplementedError

    def event_counts(self, timestamp: int, feature: str, start: int, end: int) -> list[str]:
        """"entity(count)" of records with start <= event_time < end: count desc, entity asc."""
        raise NotImplementedError

    # ---- level 3 -------------------------------------------------------
    def set_ttl(self, timestamp: int, feature: str, ttl: int | None) -> None:
        """A chosen record with event time e is fresh at T iff e <= T < e + ttl; else the read is None.

        T is the call's timestamp for get/get_vector/top_entities, `at` for get_at/get_as_of.
        None removes the TTL. Returns None.
        """
        raise NotImplementedError

    def get_as_of(self, timestamp: int, entity: str, feature: str, at: int, known_at: int) -> float | None:
        """As of event time at, seeing only records put at a timestamp <= known_at."""
        raise NotImplementedError

    # ---- level 4 -------------------------------------------------------
    def training_set(self, timestamp: int, rows: list[list], features: list[str]) -> list[list[float | None]]:
        """For each [entity, at] row, each feature as get_as_of(timestamp, entity, f, at, at)."""
        raise NotImplementedError

    def revert_since(self, timestamp: int, since: int) -> int:
        """Remove every record put at a timestamp >= since; how many were removed."""
        raise NotImplementedError

    def delete_entity(self, timestamp: int, entity: str) -> int:
        """Remove every record of entity (all features); how many were removed."""
        raise NotImplementedError
