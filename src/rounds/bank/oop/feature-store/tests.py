from rounds.testkit import Ops, op


def examples(level):
    if level == 1:
        return [Ops(name="event time, not write order", ops=[
            op("put", 10, "u1", "orders_7d", 3.0, 10), op("put", 11, "u1", "orders_7d", 5.0, 11),
            op("put", 12, "u1", "orders_7d", 4.0, 8), op("get", 13, "u1", "orders_7d"),
            op("get_at", 14, "u1", "orders_7d", 10), op("get_at", 15, "u1", "orders_7d", 9),
            op("get_at", 16, "u1", "orders_7d", 7), op("put", 17, "u1", "orders_7d", 6.0, 11),
            op("get", 18, "u1", "orders_7d"), op("get_vector", 19, "u1", ["orders_7d", "age"])])]
    if level == 2:
        return [Ops(name="rankings and windows", ops=[
            op("put", 1, "a", "spend", 2.5, 1), op("put", 2, "b", "spend", 9.0, 2), op("put", 3, "c", "spend", 2.5, 3),
            op("put", 4, "b", "spend", 1.0, 4), op("top_entities", 5, "spend", 2), op("top_entities", 6, "spend", 10),
            op("event_counts", 7, "spend", 2, 4), op("event_counts", 8, "spend", 1, 5)])]
    if level == 3:
        return [Ops(name="as-of reads and TTLs", ops=[
            op("put", 10, "u", "clicks", 1.0, 10), op("put", 20, "u", "clicks", 2.0, 12),
            op("put", 25, "u", "clicks", 9.0, 12), op("get_as_of", 30, "u", "clicks", 15, 19),
            op("get_as_of", 31, "u", "clicks", 15, 20), op("get_as_of", 32, "u", "clicks", 15, 31),
            op("set_ttl", 33, "clicks", 5), op("get_at", 34, "u", "clicks", 16), op("get_at", 35, "u", "clicks", 17),
            op("get", 36, "u", "clicks")])]
    return [Ops(name="a leak-free training set", ops=[
        op("put", 5, "u", "spend", 1.0, 5), op("put", 9, "u", "spend", 2.0, 7), op("put", 10, "v", "spend", 4.0, 10),
        op("training_set", 20, [["u", 8], ["u", 9], ["v", 8]], ["spend", "age"]), op("get_at", 21, "u", "spend", 8),
        op("revert_since", 22, 9), op("get", 23, "u", "spend"), op("delete_entity", 24, "u"),
        op("delete_entity", 25, "u")])]


ENTITIES = ["a", "b", "c", "d"]
FEATURES = ["f", "f", "g"]
VALUES = [1.0, 2.0, 2.0, 3.5, 0.5, 0.0, -1.0]


def _stream(rng, level, n):
    ops = []
    t = 0
    for _ in range(n):
        t += rng.randint(1, 3)
        choices = ["put"] * 6 + ["get", "get", "get_at", "get_at", "get_at", "get_vector"]
        if level >= 2:
            choices += ["top_entities", "top_entities", "event_counts", "event_counts"]
        if level >= 3:
            choices += ["set_ttl", "get_as_of", "get_as_of", "get_as_of", "get_at"]
        if level >= 4:
            choices += ["training_set", "training_set", "revert_since", "delete_entity"]
        m = rng.choice(choices)
        ent, feat = rng.choice(ENTITIES), rng.choice(FEATURES)
        puts = [o for o in ops if o[0] == "put"]
        if m == "put":
            if puts and rng.random() < 0.3:  # a correction of an earlier event time
                _, e0, f0, _, et = rng.choice(puts)[1]
                o = op(m, t, e0, f0, rng.choice(VALUES), et)
            else:
                late = rng.choice([0, 0, 1, 2, 4, 7, 12])  # often late, sometimes very late
                o = op(m, t, ent, feat, rng.choice(VALUES), max(0, t - late))
        elif m == "get":
            o = op(m, t, ent, feat)
        elif m == "get_at":
            o = op(m, t, ent, feat, t - rng.randint(0, 15))
        elif m == "get_vector":
            o = op(m, t, ent, rng.sample(["f", "g", "h"], rng.randint(0, 3)))
        elif m == "top_entities":
            o = op(m, t, feat, rng.randint(0, 5))
        elif m == "event_counts":
            start = t - rng.randint(0, 20)
            o = op(m, t, feat, start, start + rng.randint(0, 10))
        elif m == "set_ttl":
            o = op(m, t, feat, rng.choice([None, 1, 2, 3, 5, 8]))
        elif m == "get_as_of":
            at = t - rng.randint(0, 15)
            known = rng.choice(puts)[1][0] if puts and rng.random() < 0.5 else at + rng.randint(-3, 8)
            o = op(m, t, ent, feat, at, known)
        elif m == "training_set":
            rows = [[rng.choice(ENTITIES), t - rng.randint(0, 15)] for _ in range(rng.randint(0, 4))]
            o = op(m, t, rows, rng.sample(["f", "g", "h"], rng.randint(0, 3)))
        elif m == "revert_since":
            o = op(m, t, t - rng.randint(0, 10))
        else:
            o = op(m, t, ent)
        ops.append(o)
    return ops


def _generated(rng, level, count, n):
    return [Ops(ops=_stream(rng, level, n), shrink=True, note=f"random stream of level-{level} operations")
            for _ in range(count)]


def hidden(level, rng):
    if level == 1:
        cases = [
            Ops(note="the greatest event time answers, not the last write", ops=[
                op("put", 5, "u", "f", 1.0, 5), op("put", 6, "u", "f", 2.0, 2), op("get", 7, "u", "f"),
                op("put", 8, "u", "f", 3.0, 6), op("put", 9, "u", "f", 4.0, 0), op("get", 10, "u", "f")]),
            Ops(note="get_at is at-or-before: event time exactly `at` counts", ops=[
                op("put", 5, "u", "f", 1.0, 3), op("put", 6, "u", "f", 2.0, 5), op("get_at", 7, "u", "f", 5),
                op("get_at", 8, "u", "f", 4), op("get_at", 9, "u", "f", 3), op("get_at", 10, "u", "f", 2),
                op("get_at", 11, "u", "f", 100)]),
            Ops(note="a correction with the same event time replaces the value for every read", ops=[
                op("put", 5, "u", "f", 1.0, 4), op("put", 6, "u", "f", 2.0, 4), op("get", 7, "u", "f"),
                op("get_at", 8, "u", "f", 4), op("put", 9, "u", "f", 7.0, 4), op("get", 10, "u", "f")]),
            Ops(note="a late record older than the newest one is found by get_at only", ops=[
                op("put", 10, "u", "f", 1.0, 10), op("put", 11, "u", "f", 2.0, 3), op("get", 12, "u", "f"),
                op("get_at", 13, "u", "f", 9), op("get_at", 14, "u", "f", 2)]),
            Ops(note="entities and features are separate keys; missing ones are None", ops=[
                op("put", 1, "u", "f", 1.0, 1), op("get", 2, "v", "f"), op("get", 3, "u", "g"),
                op("get_at", 4, "v", "f", 4), op("get_vector", 5, "u", ["g", "f", "f"]), op("get_vector", 6, "u", []),
                op("get_vector", 7, "zz", ["f"])]),
            Ops(note="0.0 is a value, not a missing one", ops=[
                op("put", 1, "u", "f", 0.0, 1), op("put", 2, "u", "f", 5.0, 0), op("get", 3, "u", "f"),
                op("get_vector", 4, "u", ["f"]), op("get_at", 5, "u", "f", 0)]),
        ]
        return cases + _generated(rng, 1, 4, 60)
    if level == 2:
        cases = [
            Ops(note="top_entities: current value descending, ties by entity ascending", ops=[
                op("put", 1, "b", "f", 2.0, 1), op("put", 2, "a", "f", 2.0, 2), op("put", 3, "c", "f", 5.0, 3),
                op("put", 4, "ab", "f", 2.0, 4), op("put", 5, "d", "g", 9.0, 5), op("top_entities", 6, "f", 3),
                op("top_entities", 7, "f", 10), op("top_entities", 8, "f", 0), op("top_entities", 9, "h", 3)]),
            Ops(note="top_entities ranks by event-time-latest value, not by the largest value ever", ops=[
                op("put", 5, "a", "f", 9.0, 5), op("put", 6, "a", "f", 1.0, 6), op("put", 7, "b", "f", 3.0, 7),
                op("put", 8, "b", "f", 8.0, 1), op("top_entities", 9, "f", 5)]),
            Ops(note="event_counts: window [start, end), corrections counted, count desc then entity asc", ops=[
                op("put", 5, "a", "f", 1.0, 2), op("put", 6, "a", "f", 1.0, 2), op("put", 7, "b", "f", 1.0, 3),
                op("put", 8, "c", "f", 1.0, 5), op("put", 9, "b", "f", 1.0, 4), op("put", 10, "d", "g", 1.0, 3),
                op("event_counts", 11, "f", 2, 5), op("event_counts", 12, "f", 3, 6), op("event_counts", 13, "f", 5, 5),
                op("event_counts", 14, "f", 6, 2), op("event_counts", 15, "g", 0, 100)]),
        ]
        return cases + _generated(rng, 2, 4, 70)
    if level == 3:
        cases = [
            Ops(note="as-of reads see only what was written by known_at (inclusive)", ops=[
                op("put", 10, "u", "f", 1.0, 5), op("put", 12, "u", "f", 2.0, 6), op("get_as_of", 13, "u", "f", 8, 11),
                op("get_as_of", 14, "u", "f", 8, 12), op("get_as_of", 15, "u", "f", 8, 9),
                op("get_as_of", 16, "u", "f", 5, 12)]),
            Ops(note="as-of reads keep corrections apart: the overwritten value is still history", ops=[
                op("put", 10, "u", "f", 1.0, 5), op("put", 12, "u", "f", 2.0, 5), op("put", 14, "u", "f", 3.0, 5),
                op("get_as_of", 15, "u", "f", 5, 11), op("get_as_of", 16, "u", "f", 5, 13), op("get", 17, "u", "f")]),
            Ops(note="a late record changes the past only for readers who know about it", ops=[
                op("put", 10, "u", "f", 1.0, 4), op("put", 20, "u", "f", 2.0, 8), op("get_as_of", 21, "u", "f", 9, 15),
                op("get_as_of", 22, "u", "f", 9, 21), op("get_at", 23, "u", "f", 9)]),
            Ops(note="TTL window is [e, e + ttl): stale exactly at e + ttl", ops=[
                op("put", 10, "u", "f", 1.0, 10), op("set_ttl", 11, "f", 3), op("get", 12, "u", "f"),
                op("get_at", 13, "u", "f", 12), op("get_at", 14, "u", "f", 13), op("get", 15, "u", "f"),
                op("get_at", 16, "u", "f", 9)]),
            Ops(note="get_at checks freshness at `at`, not at the call time", ops=[
                op("put", 10, "u", "f", 1.0, 10), op("set_ttl", 11, "f", 2), op("get_at", 30, "u", "f", 11),
                op("get", 31, "u", "f"), op("set_ttl", 32, "f", None), op("get", 33, "u", "f")]),
            Ops(note="a stale newest record means None: no fall back to an older one", ops=[
                op("put", 10, "u", "f", 1.0, 9), op("put", 11, "u", "f", 2.0, 10), op("set_ttl", 12, "f", 5),
                op("get_at", 13, "u", "f", 15), op("get_at", 14, "u", "f", 14), op("get_as_of", 15, "u", "f", 15, 10)]),
            Ops(note="stale values drop out of top_entities; event_counts ignores TTLs", ops=[
                op("put", 10, "a", "f", 5.0, 2), op("put", 11, "b", "f", 1.0, 11), op("set_ttl", 12, "f", 4),
                op("top_entities", 13, "f", 5), op("event_counts", 14, "f", 0, 20), op("set_ttl", 15, "g", 1),
                op("top_entities", 16, "f", 5)]),
        ]
        return cases + _generated(rng, 3, 4, 80)
    cases = [
        Ops(note="training rows use only data written by their own time: no leakage", ops=[
            op("put", 5, "u", "f", 1.0, 5), op("put", 9, "u", "f", 2.0, 7), op("put", 11, "u", "f", 3.0, 5),
            op("training_set", 20, [["u", 6], ["u", 8], ["u", 9], ["u", 11], ["u", 4]], ["f"])]),
        Ops(note="training set shape: rows in order, features in order, missing as None", ops=[
            op("put", 1, "a", "f", 1.0, 1), op("put", 2, "b", "g", 2.0, 2),
            op("training_set", 3, [["b", 3], ["a", 3], ["c", 3]], ["g", "f", "g"]), op("training_set", 4, [], ["f"]),
            op("training_set", 5, [["a", 5], ["b", 5]], [])]),
        Ops(note="training sets apply TTLs at each row's time", ops=[
            op("put", 10, "u", "f", 1.0, 10), op("set_ttl", 11, "f", 3),
            op("training_set", 20, [["u", 10], ["u", 12], ["u", 13]], ["f"])]),
        Ops(note="revert_since removes records written at or after `since`, for every read", ops=[
            op("put", 5, "u", "f", 1.0, 5), op("put", 7, "u", "f", 2.0, 3), op("put", 9, "u", "f", 3.0, 9),
            op("revert_since", 10, 7), op("get", 11, "u", "f"), op("get_at", 12, "u", "f", 4),
            op("get_as_of", 13, "u", "f", 9, 13), op("event_counts", 14, "f", 0, 20), op("revert_since", 15, 100)]),
        Ops(note="delete_entity removes every feature of the entity and nothing else", ops=[
            op("put", 1, "u", "f", 1.0, 1), op("put", 2, "u", "g", 1.0, 2), op("put", 3, "u", "f", 1.0, 0),
            op("put", 4, "v", "f", 2.0, 4), op("delete_entity", 5, "u"), op("get", 6, "u", "g"),
            op("top_entities", 7, "f", 5), op("delete_entity", 8, "nobody"), op("put", 9, "u", "f", 4.0, 9),
            op("get", 10, "u", "f")]),
    ]
    return cases + _generated(rng, 4, 4, 90)
