import heapq


def schedule(requests, max_batch, kv_capacity):
    n = len(requests)
    result = [(-1, -1)] * n
    # FCFS queue by (arrival, index); requests that can never fit are rejected on arrival.
    order = sorted((a, i) for i, (a, p, o) in enumerate(requests) if p + o <= kv_capacity)
    running = []  # heap of (finish_step, index)
    used = 0
    q = 0  # head of the queue
    step = 0
    while q < len(order) or running:
        # Requests that finished at the previous step give back their slot and memory now.
        while running and running[0][0] < step:
            _, i = heapq.heappop(running)
            used -= requests[i][1] + requests[i][2]
        # Admit from the head of the queue while it has arrived and fits; never skip the head.
        while q < len(order):
            a, i = order[q]
            need = requests[i][1] + requests[i][2]
            if a > step or len(running) >= max_batch or used + need > kv_capacity:
                break
            finish = step + requests[i][2] - 1  # prefill + first token now, one token per later step
            result[i] = (step, finish)
            heapq.heappush(running, (finish, i))
            used += need
            q += 1
        # Jump to the next step at which something can change.
        nxt = []
        if running:
            nxt.append(running[0][0] + 1)
        if q < len(order):
            nxt.append(max(order[q][0], step + 1))  # the head's arrival (or the next step, if it waits)
        step = min(nxt) if nxt else step + 1
    return result
