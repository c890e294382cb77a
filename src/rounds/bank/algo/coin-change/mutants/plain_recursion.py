def coin_change(coins, amount):
    def go(a):  # no memo: exponential in amount / min(coins)
        if a == 0:
            return 0
        best = -1
        for c in coins:
            if c <= a:
                sub = go(a - c)
                if sub >= 0 and (best < 0 or sub + 1 < best):
                    best = sub + 1
        return best

    return go(amount)
