def car_pooling(trips, capacity):
    if not trips:
        return True
    last = max(end for _, _, end in trips)
    diff = [0] * (last + 1)  # one slot per position: positions reach 10**9
    for p, start, end in trips:
        diff[start] += p
        diff[end] -= p
    load = 0
    for d in diff:
        load += d
        if load > capacity:
            return False
    return True
