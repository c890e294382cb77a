# trap: greedy takes 4 + 1 + 1; 3 + 3 is better
# models: greedy largest first: greedy: fine for 1/5/10/25, wrong for 1/3/4 and 6
# caught by: test 1.3 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def coin_change(coins, amount):
    count = 0
    for c in sorted(coins, reverse=True):  # greedy: fine for 1/5/10/25, wrong for 1/3/4 and 6
        count += amount // c
        amount %= c
    return count if amount == 0 else -1
