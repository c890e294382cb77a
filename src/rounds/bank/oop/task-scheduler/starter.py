class Scheduler:
    """Tasks with priorities and dependencies; states "pending", "running", "completed" (+ level 4)."""

    def __init__(self) -> None:
        """No tasks. From level 3 on, every method may be called from several threads at once."""

    # ---- level 1 -------------------------------------------------------
    def submit(self, task_id: str, priority: int, deps: list[str]) -> bool:
        """Add a pending task; True.

        False (no change) for an id already submitted or a dependency not submitted yet
        (level 4: or failed/cancelled). Repeated deps count once; completed deps are satisfied.
        """
        raise NotImplementedError

    def next_task(self) -> str | None:
        """Dispatch the ready task with the highest priority, ties to the earliest submitted.

        Ready = pending and every dependency completed. The task becomes "running".
        None when nothing is ready (level 3: or the running limit is reached).
        """
        raise NotImplementedError

    def complete(self, task_id: str) -> bool:
        """A running task becomes "completed": True. Otherwise False, no change."""
        raise NotImplementedError

    def status(self, task_id: str) -> str | None:
        """The task's state; None for an unknown id."""
        raise NotImplementedError

    # ---- level 2 -------------------------------------------------------
    def ready_tasks(self, k: int) -> list[str]:
        """Up to k ready tasks in dispatch order as "task_id(priority)"; [] if k <= 0."""
        raise NotImplementedError

    def set_priority(self, task_id: str, priority: int) -> bool:
        """Re-prioritise a pending task (keeps its submission position): True; else False."""
        raise NotImplementedError

    def top_blockers(self, k: int) -> list[str]:
        """Pending/running tasks listed directly as a dependency by n >= 1 pending tasks.

        As "task_id(n)", n descending then id ascending; at most k; [] if k <= 0.
        """
        raise NotImplementedError

    # ---- level 3 -------------------------------------------------------
    def set_max_running(self, limit: int | None) -> None:
        """At most limit tasks running at once (None: no limit). Stops nothing. Returns None."""
        raise NotImplementedError

    def count(self, state: str) -> int:
        """How many tasks are in state now; 0 for any other name."""
        raise NotImplementedError

    # ---- level 4 -------------------------------------------------------
    def set_retry_limit(self, retries: int) -> None:
        """How many failures a task may have and still be re-queued (default 0). Returns None."""
        raise NotImplementedError

    def fail(self, task_id: str) -> str | None:
        """A running task failed.

        Failure count <= retry limit: back to pending, same priority and submission position;
        returns "pending". Else "failed", and its pending dependents (transitively) become
        "cancelled"; returns "failed". None (no change) if the task is not running.
        """
        raise NotImplementedError

    def cancel(self, task_id: str) -> list[str]:
        """Cancel a pending task and its pending dependents (transitively): their ids sorted.

        [] (no change) when the task is not pending.
        """
        raise NotImplementedError

    def attempts(self, task_id: str) -> int | None:
        """Times next_task dispatched the task; None for an unknown id."""
        raise NotImplementedError
