def car_pooling(trips, capacity):
    events = []
    for p, start, end in trips:
        events.append((start, 0, p))  # boarding sorted before leaving: a closed interval
        events.append((end, 1, -p))
    events.sort()
    load = 0
    for _, _, delta in events:
        load += delta
        if load > capacity:
            return False
    return True
