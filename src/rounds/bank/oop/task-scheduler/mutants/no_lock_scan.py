# trap: 4 workers dispatch 240 tasks at once: no task may run twice
# models: no lock scan: Sequentially correct, but nothing guards the check-then-act in next_task():;
#   two worker threads can pick the same best task before either marks it running
# caught by: test 3.3 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
# Sequentially correct, but nothing guards the check-then-act in next_task():
# two worker threads can pick the same best task before either marks it running.


class Scheduler:
    def __init__(self):
        self.tasks = {}  # id -> dict
        self.order = []
        self.max_running = None
        self.retry_limit = 0

    def _ready(self, t):
        return t["state"] == "pending" and all(self.tasks[d]["state"] == "completed" for d in t["deps"])

    def _cascade(self, root):
        out = []
        stack = [root]
        while stack:
            cur = stack.pop()
            for tid in self.order:
                t = self.tasks[tid]
                if cur in t["deps"] and t["state"] == "pending":
                    t["state"] = "cancelled"
                    out.append(tid)
                    stack.append(tid)
        return out

    def submit(self, task_id, priority, deps):
        if task_id in self.tasks:
            return False
        for d in deps:
            if d not in self.tasks or self.tasks[d]["state"] in ("failed", "cancelled"):
                return False
        self.tasks[task_id] = {"priority": priority, "seq": len(self.order), "deps": set(deps),
                               "state": "pending", "attempts": 0, "failures": 0}
        self.order.append(task_id)
        return True

    def next_task(self):
        if self.max_running is not None and self.count("running") >= self.max_running:
            return None
        best = None
        for tid in self.order:
            t = self.tasks[tid]
            if self._ready(t) and (best is None or t["priority"] > self.tasks[best]["priority"]):
                best = tid
        if best is None:
            return None
        self.tasks[best]["state"] = "running"
        self.tasks[best]["attempts"] += 1
        return best

    def complete(self, task_id):
        t = self.tasks.get(task_id)
        if t is None or t["state"] != "running":
            return False
        t["state"] = "completed"
        return True

    def status(self, task_id):
        t = self.tasks.get(task_id)
        return None if t is None else t["state"]

    def ready_tasks(self, k):
        ready = [tid for tid in self.order if self._ready(self.tasks[tid])]
        ready.sort(key=lambda tid: (-self.tasks[tid]["priority"], self.tasks[tid]["seq"]))
        return [f"{tid}({self.tasks[tid]['priority']})" for tid in ready[: max(k, 0)]]

    def set_priority(self, task_id, priority):
        t = self.tasks.get(task_id)
        if t is None or t["state"] != "pending":
            return False
        t["priority"] = priority
        return True

    def top_blockers(self, k):
        rows = []
        for tid in self.order:
            if self.tasks[tid]["state"] in ("pending", "running"):
                n = sum(1 for x in self.tasks.values() if tid in x["deps"] and x["state"] == "pending")
                if n:
                    rows.append((-n, tid))
        rows.sort()
        return [f"{tid}({-n})" for n, tid in rows[: max(k, 0)]]

    def set_max_running(self, limit):
        self.max_running = limit

    def count(self, state):
        return sum(1 for t in self.tasks.values() if t["state"] == state)

    def set_retry_limit(self, retries):
        self.retry_limit = retries

    def fail(self, task_id):
        t = self.tasks.get(task_id)
        if t is None or t["state"] != "running":
            return None
        t["failures"] += 1
        if t["failures"] <= self.retry_limit:
            t["state"] = "pending"
            return "pending"
        t["state"] = "failed"
        self._cascade(task_id)
        return "failed"

    def cancel(self, task_id):
        t = self.tasks.get(task_id)
        if t is None or t["state"] != "pending":
            return []
        t["state"] = "cancelled"
        return sorted([task_id] + self._cascade(task_id))

    def attempts(self, task_id):
        t = self.tasks.get(task_id)
        return None if t is None else t["attempts"]
