def get_order(tasks: list[list[int]]) -> list[int]:
    """Return job indices in the order a shortest-job-first worker runs them.

    tasks[i] = [enqueue_time, processing_time]. Among available jobs pick the
    shortest, ties by smallest index; idle until the next enqueue when none waits.
    """
    raise NotImplementedError
