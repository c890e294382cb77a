def car_pooling(trips: list[list[int]], capacity: int) -> bool:
    events = []
    for p, start, end in trips:
        events.append((start, p))
        events.append((end, -p))
    events.sort()  # at one position, negative deltas (leaving) come first
    load = 0
    for _, delta in events:
        load += delta
        if load > capacity:
            return False
    return True
