from rounds.testkit import Call


def examples(level):
    return [
        Call((["A", "A", "A", "B", "B", "B"], 2), expected=8, name="classic"),
        Call((["A", "A", "A", "B", "B", "B"], 0), expected=6, name="no cool-down"),
        Call((["A"] * 6 + ["B", "C", "D", "E", "F", "G"], 2), expected=16, name="one dominant API"),
    ]


def hidden(level, rng):
    cases = [
        Call((["A"], 5), note="one call"),
        Call((["A", "A"], 3), note="one label twice: n idle slots between"),
        Call((["A", "B", "C", "D"], 3), note="all different: no idle"),
        Call((["A", "A", "B", "B", "C", "C", "D", "D"], 1), note="enough variety to fill every gap"),
        Call((["A", "A", "A", "B", "B", "B", "C", "C", "C", "D", "D", "E"], 2),
             note="more labels than a frame holds: no idle slot at all"),
        Call((["A", "A", "A", "B", "B", "B", "C", "C", "C"], 3), note="three labels tied for most"),
        Call((["A", "A", "B", "A", "C", "D"], 2), note="first-seen order is not the best order"),
        Call((["Z"] * 100, 100), note="the longest cool-down"),
    ]
    for _ in range(12):
        tasks = [rng.choice("ABCDE"[: rng.randint(1, 5)]) for _ in range(rng.randint(1, 25))]
        cases.append(Call((tasks, rng.randint(0, 4)), note="random batch"))
    tasks = [rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(100_000)]
    cases.append(Call((tasks, 30), note="100k calls over 26 APIs"))
    return cases
