class ModelRegistry:
    """Versions of named models moving through "none", "staging", "production", "archived".

    Every method takes a timestamp first: positive ints, strictly increasing across calls.
    """

    def __init__(self, retention: int | None = None) -> None:
        """Level 3: an archived version is deleted `retention` after it was archived (None: never)."""

    # ---- level 1 -------------------------------------------------------
    def register(self, timestamp: int, name: str, uri: str) -> int:
        """New version in stage "none"; numbers per model 1, 2, ..., never reused after a delete."""
        raise NotImplementedError

    def get_uri(self, timestamp: int, name: str, version: int) -> str | None:
        """The version's uri; None when it does not exist."""
        raise NotImplementedError

    def latest_version(self, timestamp: int, name: str) -> int | None:
        """Highest existing version number; None when there is none."""
        raise NotImplementedError

    def delete_version(self, timestamp: int, name: str, version: int) -> bool:
        """Remove the version: True. False if it does not exist or is in production."""
        raise NotImplementedError

    def promote(self, timestamp: int, name: str, version: int, stage: str) -> bool:
        """Move the version to stage: True.

        False (no change) for an unknown version or stage, the same stage, or a version in
        production. A new production version archives the previous one.
        """
        raise NotImplementedError

    def get_stage(self, timestamp: int, name: str, version: int) -> str | None:
        """The version's stage; None when it does not exist."""
        raise NotImplementedError

    def production(self, timestamp: int, name: str) -> int | None:
        """The model's production version; None when it has none."""
        raise NotImplementedError

    # ---- level 2 -------------------------------------------------------
    def log_metric(self, timestamp: int, name: str, version: int, key: str, value: float) -> bool:
        """Record (or replace) a metric of an existing version: True; False if it does not exist."""
        raise NotImplementedError

    def best_versions(self, timestamp: int, name: str, key: str, k: int) -> list[str]:
        """Up to k "version(value)": value desc, then version asc; value written with str()."""
        raise NotImplementedError

    def leaderboard(self, timestamp: int, key: str, k: int) -> list[str]:
        """Each model's best version (ties: lowest version) as "name@version(value)".

        Value desc, then name asc; at most k; [] if k <= 0.
        """
        raise NotImplementedError

    def stage_versions(self, timestamp: int, stage: str) -> list[str]:
        """Every existing version in stage as "name@version": name asc, then version asc."""
        raise NotImplementedError

    # ---- level 3 -------------------------------------------------------
    def schedule_promotion(self, timestamp: int, name: str, version: int, stage: str, at: int) -> bool:
        """Arrange promote(at, ...): True if the version exists, the stage is valid and at > timestamp.

        Every call first applies all effects due at or before its timestamp, in (due time,
        creation) order, each as of its own due time.
        """
        raise NotImplementedError

    # ---- level 4 -------------------------------------------------------
    def rollback(self, timestamp: int, name: str) -> int | None:
        """Return to the deployment below the current one on the model's deployment stack.

        Skips deleted versions and the current version; archives the current one; the restored
        version is a new deployment. None (no change) when nothing qualifies.
        """
        raise NotImplementedError

    def history(self, timestamp: int, name: str) -> list[str]:
        """Every deployment, oldest first, as "version@time" (append-only)."""
        raise NotImplementedError

    def production_at(self, timestamp: int, name: str, at: int) -> int | None:
        """Version of the last deployment with time <= at; None when there is none."""
        raise NotImplementedError
