from rounds.testkit import Ops, op

DAY = 86_400_000
IDS = ["alice", "bob", "carol", "a10", "a9", "dave"]


def examples(level):
    if level == 1:
        return [Ops([
            op("create_account", 1, "alice"),
            op("create_account", 2, "bob"),
            op("create_account", 3, "alice"),
            op("deposit", 4, "alice", 500),
            op("transfer", 5, "alice", "bob", 200),
            op("transfer", 6, "bob", "alice", 300),
            op("deposit", 7, "carol", 10),
        ], name="open, deposit, transfer")]
    if level == 2:
        return [Ops([
            op("create_account", 1, "bob"),
            op("create_account", 2, "alice"),
            op("create_account", 3, "carol"),
            op("deposit", 4, "alice", 100),
            op("deposit", 5, "bob", 100),
            op("transfer", 6, "alice", "carol", 40),
            op("transfer", 7, "bob", "carol", 40),
            op("top_spenders", 8, 2),
            op("top_spenders", 9, 5),
        ], name="ranking with a tie")]
    if level == 3:
        return [Ops([
            op("create_account", 1_000, "alice"),
            op("deposit", 2_000, "alice", 1_000),
            op("pay", 3_000, "alice", 300),
            op("get_payment_status", 4_000, "alice", "payment1"),
            op("deposit", 3_000 + DAY, "alice", 100),
            op("get_payment_status", 3_000 + DAY + 1, "alice", "payment1"),
        ], name="a payment and its cashback")]
    return [Ops([
        op("create_account", 1, "alice"),
        op("create_account", 2, "bob"),
        op("deposit", 3, "alice", 100),
        op("deposit", 4, "bob", 50),
        op("pay", 5, "bob", 50),
        op("merge_accounts", 6, "alice", "bob"),
        op("get_balance", 7, "bob", 5),
        op("get_balance", 8, "bob", 6),
        op("get_payment_status", 9, "alice", "payment1"),
        op("get_balance", 5 + DAY, "alice", 5 + DAY),
    ], name="merge keeps the history"), Ops([
        op("create_account", 1, "alice"),
        op("create_account", 2, "bob"),
        op("deposit", 3, "bob", 80),
        op("pay", 4, "bob", 50),
        op("merge_accounts", 5, "alice", "bob"),
        op("create_account", 6, "bob"),
        op("deposit", 7, "bob", 5),
        op("get_balance", 8, "bob", 4),
        op("get_balance", 9, "bob", 5),
        op("get_balance", 10, "bob", 6),
        op("get_payment_status", 11, "bob", "payment1"),
        op("get_payment_status", 12, "alice", "payment1"),
        op("get_balance", 4 + DAY, "bob", 4 + DAY),
        op("get_balance", 4 + DAY + 1, "alice", 4 + DAY),
    ], name="a merged id created again is a new account")]


def _fixed(level):
    if level == 1:
        return [
            Ops([op("create_account", 1, "a"), op("create_account", 2, "a"), op("create_account", 3, "b"),
                 op("create_account", 4, "A")], note="an id can be open only once; ids are case-sensitive"),
            Ops([op("deposit", 1, "x", 10), op("create_account", 2, "x"), op("deposit", 3, "x", 10),
                 op("deposit", 4, "x", 5)], note="deposit to a missing account; deposit returns the new balance"),
            Ops([op("create_account", 1, "a"), op("deposit", 2, "a", 100), op("transfer", 3, "a", "a", 10),
                 op("deposit", 4, "a", 1)], note="a transfer to the same account fails and changes nothing"),
            Ops([op("create_account", 1, "a"), op("create_account", 2, "b"), op("deposit", 3, "a", 100),
                 op("transfer", 4, "a", "b", 101), op("transfer", 5, "a", "b", 100), op("transfer", 6, "a", "b", 1),
                 op("deposit", 7, "b", 1)], note="short funds; a balance equal to the amount is enough"),
            Ops([op("create_account", 1, "a"), op("deposit", 2, "a", 100), op("transfer", 3, "a", "zz", 10),
                 op("transfer", 4, "zz", "a", 10), op("deposit", 5, "a", 1)],
                note="a missing source or target fails and changes nothing"),
            Ops([op("create_account", 1, "src"), op("create_account", 2, "dst"), op("deposit", 3, "src", 70),
                 op("deposit", 4, "dst", 500), op("transfer", 5, "src", "dst", 20), op("deposit", 6, "dst", 1)],
                note="transfer returns the SOURCE's new balance"),
        ]
    if level == 2:
        return [
            Ops([op("create_account", 1, "b"), op("create_account", 2, "c"), op("create_account", 3, "a"),
                 op("deposit", 4, "b", 50), op("deposit", 5, "c", 50), op("deposit", 6, "a", 50),
                 op("transfer", 7, "b", "a", 10), op("transfer", 8, "c", "a", 10), op("transfer", 9, "a", "b", 10),
                 op("top_spenders", 10, 3), op("top_spenders", 11, 2)], note="ties: id ascending"),
            Ops([op("create_account", 1, "a9"), op("create_account", 2, "a10"), op("create_account", 3, "B"),
                 op("top_spenders", 4, 10)], note="accounts with outgoing 0 are listed; plain string order of ids"),
            Ops([op("create_account", 1, "x"), op("create_account", 2, "y"), op("deposit", 3, "x", 30),
                 op("transfer", 4, "x", "y", 50), op("transfer", 5, "x", "x", 5), op("transfer", 6, "x", "y", 30),
                 op("deposit", 7, "y", 1000), op("top_spenders", 8, 2), op("top_spenders", 9, 1)],
                note="only successful transfers count; deposits and incoming money do not"),
            Ops([op("create_account", 1, "m"), op("deposit", 2, "m", 5), op("top_spenders", 3, 1),
                 op("create_account", 4, "k"), op("top_spenders", 5, 5)], note="n larger than the number of accounts"),
        ]
    if level == 3:
        t = 10_000
        return [
            Ops([op("create_account", 1, "a"), op("deposit", 2, "a", 100), op("pay", t, "a", 100),
                 op("pay", t + DAY, "a", 2), op("get_payment_status", t + DAY + 1, "a", "payment1")],
                note="a cashback due at a call's timestamp is credited before that call"),
            Ops([op("create_account", 1, "a"), op("deposit", 2, "a", 1000), op("pay", t, "a", 100),
                 op("get_payment_status", t + DAY - 1, "a", "payment1"),
                 op("get_payment_status", t + DAY, "a", "payment1")], note="the cashback lands exactly 86_400_000 ms later"),
            Ops([op("create_account", 1, "a"), op("create_account", 2, "b"), op("deposit", 3, "a", 100),
                 op("deposit", 4, "b", 100), op("pay", 5, "a", 10), op("pay", 6, "b", 500), op("pay", 7, "zz", 1),
                 op("pay", 8, "b", 10), op("pay", 9, "a", 10)],
                note="payment numbers count successful payments across the whole system"),
            Ops([op("create_account", 1, "a"), op("create_account", 2, "b"), op("deposit", 3, "a", 100),
                 op("pay", 4, "a", 10), op("get_payment_status", 5, "b", "payment1"),
                 op("get_payment_status", 6, "a", "payment2"), op("get_payment_status", 7, "zz", "payment1"),
                 op("get_payment_status", 8, "a", "payment1")],
                note="status: another account's payment, an unknown payment, a missing account"),
            Ops([op("create_account", 1, "a"), op("deposit", 2, "a", 1000), op("pay", t, "a", 149),
                 op("pay", t + 1, "a", 49), op("deposit", t + DAY + 5, "a", 1),
                 op("get_payment_status", t + DAY + 6, "a", "payment2")],
                note="cashback is floor(2%): 149 gives 2, 49 gives 0 but is still received"),
            Ops([op("create_account", 1, "a"), op("create_account", 2, "b"), op("deposit", 3, "a", 1000),
                 op("deposit", 4, "b", 1000), op("pay", 5, "a", 300), op("transfer", 6, "b", "a", 250),
                 op("top_spenders", 7, 2), op("top_spenders", 5 + DAY, 2), op("deposit", 6 + DAY, "a", 1)],
                note="payments count as outgoing; the cashback does not"),
        ]
    t = 1_000
    return [
        Ops([op("create_account", 1, "a"), op("create_account", 2, "b"), op("deposit", 3, "a", 10),
             op("deposit", 4, "b", 20), op("transfer", 5, "b", "a", 5), op("merge_accounts", 6, "a", "a"),
             op("merge_accounts", 7, "a", "zz"), op("merge_accounts", 8, "a", "b"), op("deposit", 9, "b", 1),
             op("deposit", 10, "a", 1), op("top_spenders", 11, 5), op("merge_accounts", 12, "b", "a")],
            note="merge: balance and outgoing move to account 1; account 2 is gone"),
        Ops([op("create_account", 1, "a"), op("create_account", 2, "b"), op("deposit", 3, "b", 1000),
             op("pay", t, "b", 500), op("merge_accounts", t + 1, "a", "b"), op("create_account", t + 2, "b"),
             op("get_payment_status", t + 3, "b", "payment1"), op("get_payment_status", t + 4, "a", "payment1"),
             op("deposit", t + DAY, "b", 1), op("deposit", t + DAY + 1, "a", 1),
             op("get_payment_status", t + DAY + 2, "a", "payment1")],
            note="a merged account's pending cashback goes to account 1, not to a new account with the old id"),
        Ops([op("create_account", 1, "a"), op("create_account", 2, "b"), op("deposit", 3, "a", 7),
             op("deposit", 4, "b", 40), op("merge_accounts", 5, "a", "b"), op("get_balance", 6, "b", 4),
             op("get_balance", 7, "b", 5), op("get_balance", 8, "a", 4), op("get_balance", 9, "a", 5),
             op("get_balance", 10, "a", 0), op("get_balance", 11, "zz", 3)],
            note="history survives a merge: account 2 existed before it, and not at the merge's timestamp"),
        Ops([op("create_account", 1, "a"), op("create_account", 2, "b"), op("deposit", 3, "b", 40),
             op("merge_accounts", 4, "a", "b"), op("create_account", 5, "b"), op("deposit", 6, "b", 3),
             op("get_balance", 7, "b", 3), op("get_balance", 8, "b", 4), op("get_balance", 9, "b", 5),
             op("get_balance", 10, "b", 6), op("create_account", 11, "a")],
            note="re-creating a merged id starts a new, empty account; old times still answer for the old one"),
        Ops([op("create_account", 1, "a"), op("deposit", 2, "a", 1000), op("pay", t, "a", 500),
             op("deposit", t + 2 * DAY, "a", 1), op("get_balance", t + 2 * DAY + 1, "a", t + DAY - 1),
             op("get_balance", t + 2 * DAY + 2, "a", t + DAY), op("get_balance", t + 2 * DAY + 3, "a", t + 2 * DAY)],
            note="a cashback belongs to the history at its due time, even when no call happened then"),
        Ops([op("create_account", 1, "a"), op("create_account", 2, "b"), op("create_account", 3, "c"),
             op("deposit", 4, "b", 1000), op("pay", t, "b", 1000), op("merge_accounts", t + 1, "a", "b"),
             op("merge_accounts", t + 2, "c", "a"), op("get_payment_status", t + 3, "c", "payment1"),
             op("get_balance", t + DAY, "c", t + DAY), op("get_balance", t + DAY + 1, "a", t + 1),
             op("get_balance", t + DAY + 2, "a", t + 2)],
            note="merged twice: the cashback follows the chain of merges"),
    ]


def _gen(rng, level, steps):
    ops = []
    ts = rng.randint(1, 1000)
    times = [ts]
    paid = 0
    dues = []
    marks = []  # merge times and cashback due times: the boundaries of history
    for _ in range(steps):
        if level >= 3 and dues and rng.random() < 0.1:
            later = [d for d in dues if d > ts]
            ts = min(later) if later else ts + rng.randint(1, 1000)
        else:
            ts += rng.randint(1, 20_000_000 if level >= 3 else 1000)
        times.append(ts)
        a, b = rng.choice(IDS), rng.choice(IDS)
        r = rng.random()
        kinds = ["create", "deposit", "transfer"]
        if level >= 2:
            kinds.append("top")
        if level >= 3:
            kinds += ["pay", "pay", "status"]
        if level >= 4:
            kinds += ["merge", "balance", "balance"]
        k = rng.choice(kinds) if r > 0.25 else ("create" if r < 0.12 else "deposit")
        if k == "create":
            ops.append(op("create_account", ts, a))
        elif k == "deposit":
            ops.append(op("deposit", ts, a, rng.randint(1, 500)))
        elif k == "transfer":
            ops.append(op("transfer", ts, a, b if rng.random() < 0.9 else a, rng.randint(1, 400)))
        elif k == "top":
            ops.append(op("top_spenders", ts, rng.randint(1, 7)))
        elif k == "pay":
            paid += 1
            dues.append(ts + DAY)
            ops.append(op("pay", ts, a, rng.randint(1, 450)))
        elif k == "status":
            ops.append(op("get_payment_status", ts, a, f"payment{rng.randint(1, paid + 1)}"))
        elif k == "merge":
            marks.append(ts)
            ops.append(op("merge_accounts", ts, a, b))
        else:
            near = [t for t in marks + dues if t <= ts]
            cands = near if near and rng.random() < 0.6 else times
            at = rng.choice(cands)
            ops.append(op("get_balance", ts, a, at - 1 if rng.random() < 0.2 else at))
    return ops


def hidden(level, rng):
    cases = _fixed(level)
    for i in range(5):
        cases.append(Ops(_gen(rng, level, 60 + 30 * i), shrink=True, note="random operations"))
    return cases
