def schedule(requests, max_batch, kv_capacity):
    """Iteration-level (continuous) batching of generation requests.

    requests: list of (arrival_step, prompt_len, output_len) ints. Steps are 0, 1, 2, ...
    At the start of step s: requests that finished at step s - 1 or earlier release their slot and
    their prompt_len + output_len KV tokens; then admit requests first-come first-served (by arrival
    step, then index) while the head of the queue has arrived, fewer than max_batch are running and
    its prompt_len + output_len fits in the free KV tokens. Never skip the head. A request admitted
    at step s emits one token per step and finishes at step s + output_len - 1. Requests with
    prompt_len + output_len > kv_capacity are rejected: (-1, -1).
    Return a list of (start_step, finish_step) tuples in input order.
    """
    raise NotImplementedError
