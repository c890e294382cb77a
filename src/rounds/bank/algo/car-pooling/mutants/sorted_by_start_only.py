def car_pooling(trips, capacity):
    load = 0
    riding = []
    for p, start, end in sorted(trips, key=lambda t: t[1]):
        # drops only the trips that ended before this start, in the order they boarded
        while riding and riding[0][0] <= start:
            load -= riding.pop(0)[1]
        riding.append((end, p))
        load += p
        if load > capacity:
            return False
    return True
