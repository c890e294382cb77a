def car_pooling(trips, capacity):
    for _, s, _ in trips:  # sums the load at every boarding point: O(n^2)
        if sum(p for p, a, b in trips if a <= s < b) > capacity:
            return False
    return True
