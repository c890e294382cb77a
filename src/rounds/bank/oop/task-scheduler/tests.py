import importlib.util
from pathlib import Path

from rounds.testkit import Ops, Threads, op


def _reference():
    spec = importlib.util.spec_from_file_location("_task_scheduler_ref", Path(__file__).with_name("reference.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.Scheduler


Scheduler = _reference()


def examples(level):
    if level == 1:
        return [Ops(name="priorities and dependencies", ops=[
            op("submit", "fetch", 1, []), op("submit", "train", 5, ["fetch"]), op("submit", "lint", 1, []),
            op("submit", "eval", 3, ["train", "ghost"]), op("next_task"), op("next_task"), op("next_task"),
            op("complete", "fetch"), op("complete", "fetch"), op("next_task"), op("status", "train"),
            op("status", "lint"), op("status", "ghost")])]
    if level == 2:
        return [Ops(name="rankings", ops=[
            op("submit", "a", 2, []), op("submit", "b", 7, []), op("submit", "c", 2, []),
            op("submit", "d", 9, ["a", "b"]), op("submit", "e", 1, ["a"]), op("ready_tasks", 10),
            op("top_blockers", 5), op("set_priority", "c", 8), op("ready_tasks", 2), op("next_task"),
            op("set_priority", "c", 0), op("top_blockers", 1)])]
    if level == 3:
        return [
            Ops(name="a running limit", ops=[
                op("submit", "a", 1, []), op("submit", "b", 1, []), op("submit", "c", 1, []),
                op("set_max_running", 2), op("next_task"), op("next_task"), op("next_task"),
                op("complete", "a"), op("next_task"), op("count", "running"), op("count", "completed"),
                op("count", "paused")]),
            Threads(name="two workers share a queue",
                    setup=[op("submit", f"t{i}", i % 3, []) for i in range(6)],
                    threads=[[op("next_task")] * 3, [op("next_task")] * 3],
                    final=[op("count", "running"), op("next_task")]),
        ]
    return [Ops(name="retries and cancellation", ops=[
        op("set_retry_limit", 1), op("submit", "load", 5, []), op("submit", "clean", 1, ["load"]),
        op("submit", "report", 1, ["clean"]), op("submit", "side", 1, []), op("next_task"),
        op("fail", "load"), op("next_task"), op("attempts", "load"), op("fail", "load"),
        op("status", "report"), op("cancel", "side"), op("submit", "late", 1, ["clean"]),
        op("count", "cancelled")])]


IDS = [f"t{i}" for i in range(14)]


def _stream(rng, level, n):
    sim = Scheduler()
    ops = []
    for _ in range(n):
        known = list(sim._tasks)
        running = [t for t, x in sim._tasks.items() if x.state == "running"]
        pending = [t for t, x in sim._tasks.items() if x.state == "pending"]

        def some_id(prefer):
            if prefer and rng.random() < 0.75:
                return rng.choice(prefer)
            if known and rng.random() < 0.8:
                return rng.choice(known)
            return rng.choice(IDS + ["nope"])

        choices = ["submit"] * 4 + ["next_task"] * 3 + ["complete"] * 3 + ["status"]
        if level >= 2:
            choices += ["ready_tasks", "set_priority", "top_blockers", "top_blockers"]
        if level >= 3:
            choices += ["set_max_running", "count"]
        if level >= 4:
            choices += ["fail", "fail", "cancel", "attempts", "set_retry_limit"]
        m = rng.choice(choices)
        if m == "submit":
            fresh = [i for i in IDS if i not in sim._tasks]
            tid = rng.choice(fresh) if fresh and rng.random() < 0.9 else rng.choice(IDS)
            deps = rng.sample(known, min(len(known), rng.choice([0, 0, 1, 1, 2, 3])))
            if rng.random() < 0.1:
                deps.append("nope")
            if deps and rng.random() < 0.1:
                deps.append(deps[0])
            o = op(m, tid, rng.randint(0, 4), deps)
        elif m == "next_task":
            o = op(m)
        elif m in ("complete", "fail"):
            o = op(m, some_id(running))
        elif m in ("status", "attempts"):
            o = op(m, some_id(known))
        elif m == "cancel":
            o = op(m, some_id(pending))
        elif m == "ready_tasks":
            o = op(m, rng.randint(0, 6))
        elif m == "top_blockers":
            o = op(m, rng.randint(0, 5))
        elif m == "set_priority":
            o = op(m, some_id(pending), rng.randint(0, 6))
        elif m == "set_max_running":
            o = op(m, rng.choice([None, None, 0, 1, 2, 3]))
        elif m == "count":
            o = op(m, rng.choice(["pending", "running", "completed", "failed", "cancelled", "done"]))
        else:
            o = op(m, rng.choice([0, 1, 2]))
        getattr(sim, o[0])(*o[1])
        ops.append(o)
    return ops


def _generated(rng, level, count, n):
    return [Ops(ops=_stream(rng, level, n), shrink=True, note=f"random stream of level-{level} operations")
            for _ in range(count)]


def _distinct_and_complete(total):
    def check(threads, final):
        got = [r for t in threads for r in t if r is not None]
        if len(got) != len(set(got)):
            dup = sorted({x for x in got if got.count(x) > 1})[:3]
            return f"next_task handed out the same task more than once ({', '.join(dup)}...): a task ran twice"
        if len(got) != total:
            return f"{len(got)} tasks were dispatched, but exactly {total} were available to dispatch"
        return None
    return check


def _all_true(threads, final):
    for i, t in enumerate(threads):
        if not all(r is True for r in t):
            return f"thread {i + 1}: complete() of a running task returned {[r for r in t if r is not True][0]!r}"
    return None


def _exactly_once(orders):
    def check(threads, final):
        wins = {}
        for order, results in zip(orders, threads, strict=True):
            for task, r in zip(order, results, strict=True):
                wins[task] = wins.get(task, 0) + (r is True)
        twice = sorted(t for t, n in wins.items() if n > 1)
        if twice:
            return f"complete({twice[0]!r}) returned True in more than one thread: a completion was counted twice"
        never = sorted(t for t, n in wins.items() if n == 0)
        if never:
            return f"complete({never[0]!r}) returned False in every thread: a completion was lost"
        return None
    return check


def _threads_cases(rng):
    prios = [rng.randint(0, 9) for _ in range(240)]
    t1 = Threads(
        note="4 workers dispatch 240 tasks at once: no task may run twice",
        setup=[op("submit", f"job{i}", prios[i], []) for i in range(240)],
        threads=[[op("next_task")] * 60 for _ in range(4)],
        final=[op("count", "running"), op("count", "pending"), op("next_task")],
        invariant=_distinct_and_complete(240))
    t2 = Threads(
        note="4 workers under a running limit of 50: never more than 50 tasks running",
        setup=[op("submit", f"job{i}", rng.randint(0, 9), []) for i in range(200)] + [op("set_max_running", 50)],
        threads=[[op("next_task")] * 40 for _ in range(4)],
        final=[op("count", "running"), op("next_task"), op("count", "pending")],
        invariant=_distinct_and_complete(50))
    parents = [f"p{i}" for i in range(120)]
    setup = [op("submit", p, rng.randint(0, 9), []) for p in parents]
    setup += [op("submit", f"child{j}", j, parents) for j in range(6)]
    setup += [op("next_task") for _ in parents]
    order = parents[:]
    rng.shuffle(order)
    t3 = Threads(
        note="4 workers complete 120 parents of the same 6 children at once: no completion may be lost",
        setup=setup,
        threads=[[op("complete", p) for p in order[i::4]] for i in range(4)],
        final=[op("count", "completed"), op("count", "running"), op("ready_tasks", 10), op("next_task")],
        invariant=_all_true)
    prio = list(range(200))
    rng.shuffle(prio)
    t4 = Threads(
        note="4 threads submit 50 tasks each at once: every submission counts",
        setup=[],
        threads=[[op("submit", f"s{i}-{j}", prio[i * 50 + j], []) for j in range(50)] for i in range(4)],
        final=[op("count", "pending"), op("ready_tasks", 5), op("next_task")],
        invariant=_all_true)
    tasks = [f"job{i}" for i in range(80)]
    orders = []
    for _ in range(4):
        o = tasks[:]
        rng.shuffle(o)
        orders.append(o)
    t5 = Threads(
        note="4 workers race to complete the same 80 running tasks: each completes exactly once",
        setup=[op("submit", t, rng.randint(0, 9), []) for t in tasks] + [op("next_task") for _ in tasks],
        threads=[[op("complete", t) for t in o] for o in orders],
        final=[op("count", "completed"), op("count", "running"), op("complete", "job0")],
        invariant=_exactly_once(orders))
    return [t1, t2, t3, t4, t5]


def hidden(level, rng):
    if level == 1:
        cases = [
            Ops(note="higher priority first; equal priorities in submission order, not by id", ops=[
                op("submit", "b", 1, []), op("submit", "a", 1, []), op("submit", "c", 2, []),
                op("submit", "d", -1, []), op("next_task"), op("next_task"), op("next_task"), op("next_task"),
                op("next_task")]),
            Ops(note="a duplicate id is refused and changes nothing", ops=[
                op("submit", "a", 1, []), op("submit", "a", 9, []), op("submit", "b", 5, []), op("next_task"),
                op("complete", "b"), op("submit", "b", 0, []), op("next_task")]),
            Ops(note="a dependency must already exist: unknown ids and self-dependencies are refused", ops=[
                op("submit", "a", 1, ["x"]), op("submit", "a", 1, ["a"]), op("status", "a"), op("submit", "a", 1, []),
                op("submit", "b", 1, ["a", "a"]), op("next_task"), op("complete", "a"), op("next_task")]),
            Ops(note="a task waits for every dependency to complete, not just to start", ops=[
                op("submit", "a", 1, []), op("submit", "b", 1, []), op("submit", "c", 9, ["a", "b"]),
                op("next_task"), op("next_task"), op("next_task"), op("complete", "a"), op("next_task"),
                op("complete", "b"), op("status", "c"), op("next_task"), op("status", "c")]),
            Ops(note="a dependency that already completed is satisfied at once", ops=[
                op("submit", "a", 1, []), op("next_task"), op("complete", "a"), op("submit", "b", 0, ["a"]),
                op("next_task")]),
            Ops(note="complete() only accepts a running task", ops=[
                op("submit", "a", 1, []), op("complete", "a"), op("complete", "zz"), op("next_task"),
                op("complete", "a"), op("complete", "a"), op("status", "a"), op("next_task")]),
        ]
        return cases + _generated(rng, 1, 4, 60)
    if level == 2:
        cases = [
            Ops(note="ready_tasks: dispatch order, only tasks whose dependencies completed, id(priority)", ops=[
                op("submit", "a", 3, []), op("submit", "b", 5, []), op("submit", "c", 3, []),
                op("submit", "d", 9, ["a"]), op("ready_tasks", 10), op("ready_tasks", 2), op("ready_tasks", 0),
                op("next_task"), op("ready_tasks", 10)]),
            Ops(note="set_priority reorders pending tasks but not their submission-order tie-break", ops=[
                op("submit", "a", 1, []), op("submit", "b", 2, []), op("submit", "c", 3, []),
                op("set_priority", "a", 3), op("ready_tasks", 3), op("set_priority", "c", 0), op("next_task"),
                op("next_task"), op("set_priority", "a", 7), op("set_priority", "nope", 1), op("next_task")]),
            Ops(note="set_priority on a blocked task takes effect once it is ready", ops=[
                op("submit", "a", 1, []), op("submit", "b", 1, ["a"]), op("submit", "c", 5, []),
                op("set_priority", "b", 9), op("next_task"), op("next_task"), op("complete", "c"),
                op("complete", "a"), op("next_task")]),
            Ops(note="set_priority twice: only the latest value counts", ops=[
                op("submit", "a", 5, []), op("submit", "b", 4, []), op("set_priority", "a", 1),
                op("set_priority", "a", 5), op("set_priority", "a", 3), op("next_task"), op("next_task")]),
            Ops(note="top_blockers: pending dependents counted, count desc then id asc", ops=[
                op("submit", "x", 1, []), op("submit", "w", 1, []), op("submit", "y", 1, []),
                op("submit", "a", 1, ["x", "y"]), op("submit", "b", 1, ["w", "x"]), op("submit", "c", 1, ["y", "w"]),
                op("top_blockers", 10), op("top_blockers", 2), op("next_task"), op("complete", "x"),
                op("top_blockers", 10), op("next_task"), op("top_blockers", 10)]),
        ]
        return cases + _generated(rng, 2, 4, 70)
    if level == 3:
        cases = [
            Ops(note="the running limit counts tasks running now; lowering it preempts nothing", ops=[
                op("submit", "a", 1, []), op("submit", "b", 1, []), op("submit", "c", 1, []),
                op("next_task"), op("next_task"), op("set_max_running", 1), op("next_task"), op("complete", "a"),
                op("next_task"), op("complete", "b"), op("next_task"), op("set_max_running", None),
                op("count", "running")]),
            Ops(note="a limit of 0 stops dispatching; count of an unknown state is 0", ops=[
                op("submit", "a", 1, []), op("set_max_running", 0), op("next_task"), op("count", "pending"),
                op("count", "blocked"), op("set_max_running", 2), op("next_task")]),
        ]
        return cases + _threads_cases(rng) + _generated(rng, 3, 3, 70)
    cases = [
        Ops(note="retry limit 2: the third failure is final", ops=[
            op("set_retry_limit", 2), op("submit", "a", 1, []), op("next_task"), op("fail", "a"), op("next_task"),
            op("fail", "a"), op("next_task"), op("fail", "a"), op("status", "a"), op("attempts", "a"),
            op("next_task")]),
        Ops(note="a retried task keeps its submission order among equal priorities", ops=[
            op("set_retry_limit", 1), op("submit", "a", 1, []), op("submit", "b", 1, []), op("next_task"),
            op("fail", "a"), op("next_task"), op("next_task")]),
        Ops(note="the default retry limit is 0: the first failure is final", ops=[
            op("submit", "a", 1, []), op("next_task"), op("fail", "a"), op("fail", "a"), op("status", "a"),
            op("fail", "zz")]),
        Ops(note="a final failure cancels every task depending on it, transitively", ops=[
            op("submit", "a", 1, []), op("submit", "b", 1, ["a"]), op("submit", "c", 1, ["b"]),
            op("submit", "d", 1, []), op("submit", "e", 1, ["d", "c"]), op("next_task"), op("fail", "a"),
            op("status", "c"), op("status", "e"), op("status", "d"), op("count", "cancelled"),
            op("top_blockers", 5)]),
        Ops(note="cancel returns every cancelled id sorted; only a pending task can be cancelled", ops=[
            op("submit", "r", 1, []), op("submit", "m", 1, ["r"]), op("submit", "z", 1, ["m"]),
            op("submit", "k", 1, ["r", "z"]), op("cancel", "m"), op("cancel", "m"), op("next_task"),
            op("cancel", "r"), op("complete", "r"), op("cancel", "r"), op("cancel", "zz"), op("status", "k")]),
        Ops(note="a task cannot be submitted on top of a failed or cancelled dependency", ops=[
            op("submit", "a", 1, []), op("submit", "b", 1, []), op("cancel", "b"), op("next_task"),
            op("fail", "a"), op("submit", "c", 1, ["a"]), op("submit", "c", 1, ["b"]), op("status", "c"),
            op("submit", "c", 1, [])]),
        Ops(note="a failed or retried task no longer counts against the running limit", ops=[
            op("set_retry_limit", 1), op("set_max_running", 1), op("submit", "a", 2, []), op("submit", "b", 1, []),
            op("next_task"), op("next_task"), op("fail", "a"), op("next_task"), op("fail", "a"), op("next_task"),
            op("count", "failed")]),
    ]
    return cases + _generated(rng, 4, 4, 80)
