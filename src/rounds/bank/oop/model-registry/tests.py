from rounds.testkit import Ops, op


def _ts(ops):
    """Give each op (method, *args) the next timestamp as its first argument."""
    return [op(m, t, *args) for t, (m, *args) in enumerate(ops, start=1)]


def examples(level):
    if level == 1:
        return [Ops(name="versions and stages", ops=[
            op("register", 1, "ranker", "s3://runs/a"), op("register", 2, "ranker", "s3://runs/b"),
            op("register", 3, "fraud", "s3://runs/c"), op("promote", 4, "ranker", 1, "production"),
            op("promote", 5, "ranker", 2, "production"), op("get_stage", 6, "ranker", 1),
            op("production", 7, "ranker"), op("promote", 8, "ranker", 2, "staging"),
            op("delete_version", 9, "ranker", 2), op("delete_version", 10, "ranker", 1),
            op("register", 11, "ranker", "s3://runs/d"), op("get_uri", 12, "ranker", 1),
            op("latest_version", 13, "fraud")])]
    if level == 2:
        return [Ops(name="metrics and leaderboards", ops=[
            op("register", 1, "ctr", "u1"), op("register", 2, "ctr", "u2"), op("register", 3, "ctr", "u3"),
            op("register", 4, "asr", "u4"), op("log_metric", 5, "ctr", 1, "auc", 0.81),
            op("log_metric", 6, "ctr", 2, "auc", 0.84), op("log_metric", 7, "ctr", 3, "auc", 0.84),
            op("log_metric", 8, "asr", 1, "auc", 0.84), op("log_metric", 9, "asr", 7, "auc", 0.99),
            op("best_versions", 10, "ctr", "auc", 2), op("leaderboard", 11, "auc", 5),
            op("promote", 12, "ctr", 3, "staging"), op("promote", 13, "asr", 1, "staging"),
            op("stage_versions", 14, "staging"), op("delete_version", 15, "ctr", 2),
            op("leaderboard", 16, "auc", 5)])]
    if level == 3:
        return [Ops(init=(10,), name="a scheduled promotion and retention", ops=[
            op("register", 1, "m", "u1"), op("register", 2, "m", "u2"), op("promote", 3, "m", 1, "production"),
            op("schedule_promotion", 4, "m", 2, "production", 20), op("production", 19, "m"),
            op("production", 20, "m"), op("get_stage", 29, "m", 1), op("get_stage", 30, "m", 1),
            op("schedule_promotion", 31, "m", 2, "staging", 31), op("schedule_promotion", 32, "m", 9, "staging", 40)])]
    return [Ops(name="rollback and history", ops=[
        op("register", 1, "m", "u1"), op("register", 2, "m", "u2"), op("register", 3, "m", "u3"),
        op("promote", 4, "m", 1, "production"), op("promote", 5, "m", 2, "production"),
        op("schedule_promotion", 6, "m", 3, "production", 8), op("rollback", 9, "m"), op("rollback", 10, "m"),
        op("rollback", 11, "m"), op("history", 12, "m"), op("production_at", 13, "m", 8),
        op("production_at", 14, "m", 7), op("production_at", 15, "m", 3)])]


MODELS = ["a", "b", "c"]
STAGES = ["none", "staging", "production", "production", "production", "archived", "archived", "live"]
VALUES = [0.5, 0.7, 0.75, 0.9, 0.9, 1.0]


def _stream(rng, level, n):
    ops = []
    t = 0
    registered = dict.fromkeys(MODELS, 0)
    for i in range(n):
        t += rng.randint(1, 3)
        if i < 6:  # every stream starts with a few versions to work on
            name = MODELS[i % 2]
            registered[name] += 1
            ops.append(op("register", t, name, f"s3://{name}/{t}"))
            continue
        choices = ["register"] * 3 + ["promote"] * 4 + ["get_uri", "latest_version", "delete_version",
                                                        "get_stage", "production"]
        if level >= 2:
            choices += ["log_metric"] * 3 + ["best_versions", "leaderboard", "stage_versions"]
        if level >= 3:
            choices += ["schedule_promotion"] * 4 + ["get_stage", "production"]
        if level >= 4:
            choices += ["rollback"] * 4 + ["promote"] * 2 + ["history", "production_at", "production_at"]
        m = rng.choice(choices)
        name = rng.choice(MODELS[:2]) if rng.random() < 0.8 else MODELS[2]
        ver = rng.randint(1, registered[name]) if registered[name] and rng.random() < 0.9 else rng.randint(1, 6)
        if m == "register":
            registered[name] += 1
            o = op(m, t, name, f"s3://{name}/{t}")
        elif m in ("get_uri", "delete_version", "get_stage"):
            o = op(m, t, name, ver)
        elif m in ("latest_version", "production", "rollback", "history"):
            o = op(m, t, name)
        elif m == "promote":
            o = op(m, t, name, ver, rng.choice(STAGES))
        elif m == "log_metric":
            o = op(m, t, name, ver, rng.choice(["auc", "auc", "f1"]), rng.choice(VALUES))
        elif m == "best_versions":
            o = op(m, t, name, rng.choice(["auc", "f1"]), rng.randint(0, 4))
        elif m == "leaderboard":
            o = op(m, t, rng.choice(["auc", "f1"]), rng.randint(0, 4))
        elif m == "stage_versions":
            o = op(m, t, rng.choice(STAGES))
        elif m == "schedule_promotion":
            o = op(m, t, name, ver, rng.choice(STAGES), t + rng.choice([0, 1, 2, 3, 5, 8]))
        else:  # production_at: mostly at the exact time of a deployment attempt
            past = [o[1][0] for o in ops if o[0] == "rollback" or (o[0] == "promote" and o[1][3] == "production")]
            o = op(m, t, name, rng.choice(past) if past and rng.random() < 0.7 else t - rng.randint(0, 12))
        ops.append(o)
    return ops


def _generated(rng, level, count, n):
    out = []
    for _ in range(count):
        init = (rng.choice([None, 2, 4, 8]),) if level >= 3 else ()
        out.append(Ops(init=init, ops=_stream(rng, level, n), shrink=True,
                       note=f"random stream of level-{level} operations"))
    return out


def hidden(level, rng):
    if level == 1:
        cases = [
            Ops(note="version numbers are per model", ops=_ts([
                ("register", "a", "u"), ("register", "b", "u"), ("register", "a", "u"), ("register", "b", "u"),
                ("register", "c", "u"), ("latest_version", "a"), ("latest_version", "c")])),
            Ops(note="a deleted number is never given out again, not even the latest", ops=_ts([
                ("register", "a", "u1"), ("register", "a", "u2"), ("delete_version", "a", 2),
                ("latest_version", "a"), ("register", "a", "u3"), ("delete_version", "a", 1),
                ("delete_version", "a", 3), ("latest_version", "a"), ("register", "a", "u4"), ("get_uri", "a", 4)])),
            Ops(note="promoting to production archives the previous production version", ops=_ts([
                ("register", "a", "u"), ("register", "a", "u"), ("register", "a", "u"),
                ("promote", "a", 1, "production"), ("promote", "a", 2, "staging"), ("promote", "a", 2, "production"),
                ("get_stage", "a", 1), ("promote", "a", 3, "production"), ("get_stage", "a", 2),
                ("get_stage", "a", 1), ("production", "a")])),
            Ops(note="promote returns False for the same stage, an unknown stage or version, and production", ops=_ts([
                ("register", "a", "u"), ("promote", "a", 1, "none"), ("promote", "a", 1, "Production"),
                ("promote", "a", 2, "staging"), ("promote", "z", 1, "staging"), ("promote", "a", 1, "production"),
                ("promote", "a", 1, "archived"), ("promote", "a", 1, "production"), ("get_stage", "a", 1)])),
            Ops(note="a production version cannot be deleted; an archived one can", ops=_ts([
                ("register", "a", "u"), ("register", "a", "u"), ("promote", "a", 1, "production"),
                ("delete_version", "a", 1), ("promote", "a", 2, "production"), ("delete_version", "a", 1),
                ("delete_version", "a", 1), ("get_stage", "a", 1), ("production", "a")])),
            Ops(note="unknown models and versions: None, not a default", ops=_ts([
                ("get_uri", "x", 1), ("latest_version", "x"), ("production", "x"), ("get_stage", "x", 1),
                ("register", "x", "u"), ("production", "x"), ("get_stage", "x", 2), ("delete_version", "x", 2)])),
        ]
        return cases + _generated(rng, 1, 4, 60)
    if level == 2:
        cases = [
            Ops(note="best_versions: value descending, ties by version ascending; str() of the value", ops=_ts([
                ("register", "a", "u"), ("register", "a", "u"), ("register", "a", "u"), ("register", "a", "u"),
                ("log_metric", "a", 4, "auc", 0.9), ("log_metric", "a", 2, "auc", 0.9),
                ("log_metric", "a", 3, "auc", 1.0), ("log_metric", "a", 1, "f1", 0.5),
                ("best_versions", "a", "auc", 10), ("best_versions", "a", "auc", 2), ("best_versions", "a", "auc", 0),
                ("best_versions", "a", "nope", 3), ("best_versions", "zz", "auc", 3)])),
            Ops(note="log_metric replaces the earlier value of the same key", ops=_ts([
                ("register", "a", "u"), ("register", "a", "u"), ("log_metric", "a", 1, "auc", 0.9),
                ("log_metric", "a", 2, "auc", 0.8), ("log_metric", "a", 1, "auc", 0.7),
                ("best_versions", "a", "auc", 5)])),
            Ops(note="leaderboard: each model's best version (ties to the lower version), models by value then name", ops=_ts([
                ("register", "b", "u"), ("register", "b", "u"), ("register", "a", "u"), ("register", "c", "u"),
                ("log_metric", "b", 2, "auc", 0.9), ("log_metric", "b", 1, "auc", 0.9),
                ("log_metric", "a", 1, "auc", 0.9), ("log_metric", "c", 1, "auc", 0.95),
                ("leaderboard", "auc", 10), ("leaderboard", "auc", 2), ("leaderboard", "f1", 3)])),
            Ops(note="a deleted version's metrics disappear from every ranking", ops=_ts([
                ("register", "a", "u"), ("register", "a", "u"), ("log_metric", "a", 2, "auc", 0.99),
                ("log_metric", "a", 1, "auc", 0.5), ("delete_version", "a", 2), ("best_versions", "a", "auc", 5),
                ("leaderboard", "auc", 5), ("log_metric", "a", 2, "auc", 0.3), ("delete_version", "a", 1),
                ("leaderboard", "auc", 5)])),
            Ops(note="stage_versions: name ascending, then version ascending", ops=_ts([
                ("register", "b", "u"), ("register", "b", "u"), ("register", "a", "u"), ("register", "b", "u"),
                ("promote", "b", 3, "staging"), ("promote", "b", 1, "staging"), ("promote", "a", 1, "staging"),
                ("stage_versions", "staging"), ("stage_versions", "none"), ("stage_versions", "retired"),
                ("stage_versions", "production")])),
        ]
        return cases + _generated(rng, 2, 4, 70)
    if level == 3:
        cases = [
            Ops(init=(None,), note="a promotion due at exactly the call's timestamp applies before the call", ops=[
                op("register", 1, "m", "u"), op("schedule_promotion", 2, "m", 1, "staging", 5),
                op("get_stage", 4, "m", 1), op("get_stage", 5, "m", 1)]),
            Ops(init=(None,), note="the deferred effect is applied before the call that triggers it", ops=[
                op("register", 1, "m", "u"), op("register", 2, "m", "u"), op("promote", 3, "m", 1, "production"),
                op("schedule_promotion", 4, "m", 2, "production", 7), op("promote", 7, "m", 1, "production"),
                op("production", 8, "m"), op("get_stage", 9, "m", 2)]),
            Ops(init=(5,), note="retention: deleted at archive time + R, not before", ops=[
                op("register", 1, "m", "u"), op("promote", 2, "m", 1, "archived"), op("get_stage", 6, "m", 1),
                op("get_uri", 7, "m", 1), op("latest_version", 8, "m")]),
            Ops(init=(5,), note="the retention clock starts at the scheduled promotion's due time", ops=[
                op("register", 1, "m", "u"), op("register", 2, "m", "u"), op("promote", 3, "m", 1, "production"),
                op("schedule_promotion", 4, "m", 2, "production", 6), op("get_stage", 10, "m", 1),
                op("get_stage", 11, "m", 1)]),
            Ops(init=(4,), note="an archiving and its deletion both fall inside one catch-up", ops=[
                op("register", 1, "m", "u"), op("register", 2, "m", "u"), op("promote", 3, "m", 1, "production"),
                op("schedule_promotion", 4, "m", 2, "production", 5), op("stage_versions", 20, "archived"),
                op("latest_version", 21, "m")]),
            Ops(init=(5,), note="a version that left the archive is not deleted by the old clock", ops=[
                op("register", 1, "m", "u"), op("promote", 2, "m", 1, "archived"), op("promote", 4, "m", 1, "staging"),
                op("get_stage", 8, "m", 1), op("promote", 9, "m", 1, "archived"), op("get_stage", 13, "m", 1),
                op("get_stage", 14, "m", 1)]),
            Ops(init=(None,), note="effects due at the same time apply in creation order", ops=[
                op("register", 1, "m", "u"), op("register", 2, "m", "u"),
                op("schedule_promotion", 3, "m", 1, "production", 10), op("schedule_promotion", 4, "m", 2, "production", 10),
                op("schedule_promotion", 5, "m", 1, "staging", 10), op("production", 11, "m"),
                op("get_stage", 12, "m", 1)]),
            Ops(init=(None,), note="a scheduled promotion follows promote's rules at its due time", ops=[
                op("register", 1, "m", "u"), op("register", 2, "m", "u"),
                op("schedule_promotion", 3, "m", 1, "staging", 6), op("delete_version", 4, "m", 1),
                op("schedule_promotion", 5, "m", 2, "bogus", 9), op("schedule_promotion", 6, "m", 2, "staging", 6),
                op("register", 7, "m", "u"), op("latest_version", 8, "m"), op("get_stage", 9, "m", 2)]),
        ]
        return cases + _generated(rng, 3, 4, 80)
    cases = [
        Ops(note="successive rollbacks walk back through the deployments", ops=_ts([
            ("register", "m", "u"), ("register", "m", "u"), ("register", "m", "u"), ("promote", "m", 1, "production"),
            ("promote", "m", 2, "production"), ("promote", "m", 3, "production"), ("rollback", "m"),
            ("rollback", "m"), ("rollback", "m"), ("production", "m"), ("get_stage", "m", 3)])),
        Ops(note="rollback skips deployments whose version was deleted", ops=_ts([
            ("register", "m", "u"), ("register", "m", "u"), ("register", "m", "u"), ("promote", "m", 1, "production"),
            ("promote", "m", 2, "production"), ("promote", "m", 3, "production"), ("delete_version", "m", 2),
            ("rollback", "m"), ("history", "m")])),
        Ops(note="a failed rollback changes nothing, and an unknown model gives None", ops=_ts([
            ("register", "m", "u"), ("rollback", "m"), ("rollback", "zz"), ("promote", "m", 1, "production"),
            ("rollback", "m"), ("production", "m"), ("history", "m"), ("history", "zz")])),
        Ops(note="the history is append-only: rollbacks add entries, they do not erase them", ops=_ts([
            ("register", "m", "u"), ("register", "m", "u"), ("promote", "m", 1, "production"),
            ("promote", "m", 2, "production"), ("rollback", "m"), ("promote", "m", 2, "production"),
            ("history", "m"), ("production_at", "m", 5), ("production_at", "m", 6), ("rollback", "m")])),
        Ops(note="a re-deployed version skips itself when rolling back", ops=_ts([
            ("register", "m", "u"), ("register", "m", "u"), ("promote", "m", 2, "production"),
            ("promote", "m", 1, "production"), ("promote", "m", 2, "production"), ("delete_version", "m", 1),
            ("rollback", "m"), ("production", "m")])),
        Ops(init=(3,), note="the version archived by a rollback follows retention from the rollback's time", ops=[
            op("register", 1, "m", "u"), op("register", 2, "m", "u"), op("promote", 3, "m", 1, "production"),
            op("promote", 4, "m", 2, "production"), op("rollback", 6, "m"), op("get_stage", 8, "m", 2),
            op("get_stage", 9, "m", 2), op("rollback", 10, "m")]),
        Ops(note="production_at: at or before; a scheduled deployment is dated at its due time", ops=[
            op("register", 1, "m", "u"), op("register", 2, "m", "u"), op("promote", 3, "m", 1, "production"),
            op("schedule_promotion", 4, "m", 2, "production", 7), op("production_at", 20, "m", 6),
            op("production_at", 21, "m", 7), op("production_at", 22, "m", 2), op("production_at", 23, "m", 3),
            op("history", 24, "m")]),
    ]
    return cases + _generated(rng, 4, 4, 90)
