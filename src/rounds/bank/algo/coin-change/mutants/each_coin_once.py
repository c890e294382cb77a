def coin_change(coins, amount):
    inf = amount + 1
    best = [0] + [inf] * amount
    for c in coins:  # 0/1 knapsack order: each size used at most once
        for a in range(amount, c - 1, -1):
            if best[a - c] + 1 < best[a]:
                best[a] = best[a - c] + 1
    return best[amount] if best[amount] < inf else -1
