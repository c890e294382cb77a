def car_pooling(trips, capacity):
    events = []
    for p, start, end in trips:
        events.append((start, p))
        events.append((end, -p))
    events.sort()
    load = 0
    for _, delta in events:
        load += delta
        if load >= capacity:  # a full car is allowed
            return False
    return True
