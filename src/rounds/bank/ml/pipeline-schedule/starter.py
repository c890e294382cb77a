def one_f_one_b_order(num_stages, num_microbatches, stage):
    """The 1F1B (PipeDream-Flush) order of operations of one pipeline stage.

    Stages 0..S-1, micro-batches 0..M-1. warmup = min(S - 1 - stage, M) forwards F0.. first; then
    alternate F(warmup + i), B(i) while forwards remain; then the remaining backwards in order.
    Return a list of strings such as ["F0", "F1", "B0", ...].
    """
    raise NotImplementedError


def simulate(orders, tf, tb):
    """Level 2: run S stages' op lists (any deadlock-free orders) with forward time tf and backward tb.

    F m on stage s waits for F m on stage s - 1; B m on stage s waits for B m on stage s + 1 (the last
    stage: for its own F m). Each stage runs its ops one at a time, in order, as early as possible.
    Return (starts, makespan, peak): starts[s][k] = start time of orders[s][k]; makespan = the last
    finish time; peak[s] = the most micro-batches stage s holds activations for at once.
    """
    raise NotImplementedError
