def coin_change(coins: list[int], amount: int) -> int:
    inf = amount + 1  # more coins than any real answer
    best = [0] + [inf] * amount
    for a in range(1, amount + 1):
        for c in coins:
            if c <= a and best[a - c] + 1 < best[a]:
                best[a] = best[a - c] + 1
    return best[amount] if best[amount] < inf else -1
