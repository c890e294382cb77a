def coin_change(coins, amount):
    inf = amount + 1
    best = [0] + [inf] * amount
    for a in range(1, amount + 1):
        for c in coins:
            if c < a and best[a - c] + 1 < best[a]:  # c < a: a single block equal to a is never used
                best[a] = best[a - c] + 1
    return best[amount] if best[amount] < inf else -1
