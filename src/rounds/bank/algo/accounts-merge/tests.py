from rounds.testkit import Call, custom, unordered

_groups = unordered(nested=True)


def _check(actual, expected, args):
    if isinstance(actual, list):
        for acc in actual:
            if not isinstance(acc, list) or not acc or not isinstance(acc[0], str) or "@" in acc[0]:
                return f"every merged account must be a list starting with the name, got {str(acc)[:80]}"
            if len(set(acc[1:])) != len(acc) - 1:
                return f"an email appears twice in the account of {acc[0]}"
    return _groups(actual, expected, args)


checker = custom(_check)


def examples(level):
    return [
        Call(([["John", "js@mail.com", "john@mail.com"], ["John", "js@mail.com", "jb@mail.com"],
               ["Mary", "mary@mail.com"], ["John", "johnny@mail.com"]],),
             expected=[["John", "jb@mail.com", "john@mail.com", "js@mail.com"], ["Mary", "mary@mail.com"],
                       ["John", "johnny@mail.com"]], name="two Johns, one person merged"),
    ]


def _people(rng, n_people, max_records):
    accounts = []
    for p in range(n_people):
        name = f"user{rng.randrange(n_people // 3 + 1)}"  # names repeat across different people
        emails = [f"p{p}.{j}@x.io" for j in range(rng.randint(1, 6))]
        for _ in range(rng.randint(1, max_records)):
            accounts.append([name, *rng.sample(emails, rng.randint(1, len(emails)))])
    rng.shuffle(accounts)
    return accounts


def hidden(level, rng):
    cases = [
        Call(([],), note="no accounts"),
        Call(([["Ann", "a@x.io"]],), note="one account with one email"),
        Call(([["Ann", "a@x.io", "a@x.io"]],), note="an email listed twice in one account"),
        Call(([["Ann", "a@x.io"], ["Ann", "b@x.io"]],), note="same name, no shared email: two people"),
        Call(([["Bo", "1@x.io", "2@x.io"], ["Bo", "3@x.io", "4@x.io"], ["Bo", "2@x.io", "3@x.io"]],),
             note="the third account links the first two"),
        Call(([["Cy", "a@x.io", "b@x.io"], ["Cy", "c@x.io"], ["Cy", "b@x.io", "c@x.io"], ["Cy", "d@x.io", "a@x.io"]],),
             note="a chain of links arriving out of order"),
        Call(([["Di", "z@x.io"], ["Ed", "y@x.io"], ["Di", "z@x.io"]],), note="an identical account twice"),
    ]
    for _ in range(10):
        cases.append(Call((_people(rng, rng.randint(1, 8), 3),), note="random sign-ups"))
    cases.append(Call((_people(rng, 8000, 3),), note="about 16k accounts: needs near-linear merging", cpu_ms=700))
    return cases


expected_complexity = "O(E α(E))"


def ladder(rng):
    return [(n, Call((_people(rng, n // 2, 3),), cpu_ms=1500)) for n in (2500, 5000, 10000, 20000)]
