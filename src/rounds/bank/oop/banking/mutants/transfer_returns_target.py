import heapq
from bisect import bisect_right

DAY_MS = 86_400_000


class _Account:
    """One lifetime of an account id. Payments and merges point at this record, not at the id."""

    def __init__(self, account_id, timestamp):
        self.id = account_id
        self.balance = 0
        self.outgoing = 0
        self.created = timestamp
        self.closed = None  # the timestamp of the merge that removed it
        self.merged_into = None
        self.times = [timestamp]  # balance history: balances[i] holds from times[i] on
        self.balances = [0]

    def set_balance(self, at, balance):
        self.balance = balance
        if self.times[-1] == at:
            self.balances[-1] = balance
        else:
            self.times.append(at)
            self.balances.append(balance)


class _Payment:
    def __init__(self, account, cashback):
        self.account = account
        self.cashback = cashback
        self.received = False


class BankingSystem:
    def __init__(self):
        self._open = {}  # id -> the live _Account
        self._lifetimes = {}  # id -> every _Account that ever had this id, oldest first
        self._payments = {}  # "payment<k>" -> _Payment
        self._due = []  # heap of (due timestamp, k)
        self._paid = 0

    @staticmethod
    def _owner(account):
        while account.merged_into is not None:
            account = account.merged_into
        return account

    def _settle(self, timestamp):
        """Credit every cashback due at or before timestamp, at its due time, oldest first."""
        while self._due and self._due[0][0] <= timestamp:
            due, k = heapq.heappop(self._due)
            p = self._payments[f"payment{k}"]
            acc = self._owner(p.account)
            acc.set_balance(due, acc.balance + p.cashback)
            p.received = True

    def create_account(self, timestamp, account_id):
        self._settle(timestamp)
        if account_id in self._open:
            return False
        acc = _Account(account_id, timestamp)
        self._open[account_id] = acc
        self._lifetimes.setdefault(account_id, []).append(acc)
        return True

    def deposit(self, timestamp, account_id, amount):
        self._settle(timestamp)
        acc = self._open.get(account_id)
        if acc is None:
            return None
        acc.set_balance(timestamp, acc.balance + amount)
        return acc.balance

    def transfer(self, timestamp, source_account_id, target_account_id, amount):
        self._settle(timestamp)
        src = self._open.get(source_account_id)
        dst = self._open.get(target_account_id)
        if src is None or dst is None or src is dst or src.balance < amount:
            return None
        src.set_balance(timestamp, src.balance - amount)
        dst.set_balance(timestamp, dst.balance + amount)
        src.outgoing += amount
        return dst.balance

    def top_spenders(self, timestamp, n):
        self._settle(timestamp)
        ranked = sorted(self._open.values(), key=lambda a: (-a.outgoing, a.id))
        return [f"{a.id}({a.outgoing})" for a in ranked[:n]]

    def pay(self, timestamp, account_id, amount):
        self._settle(timestamp)
        acc = self._open.get(account_id)
        if acc is None or acc.balance < amount:
            return None
        acc.set_balance(timestamp, acc.balance - amount)
        acc.outgoing += amount
        self._paid += 1
        self._payments[f"payment{self._paid}"] = _Payment(acc, amount * 2 // 100)
        heapq.heappush(self._due, (timestamp + DAY_MS, self._paid))
        return f"payment{self._paid}"

    def get_payment_status(self, timestamp, account_id, payment):
        self._settle(timestamp)
        acc = self._open.get(account_id)
        p = self._payments.get(payment)
        if acc is None or p is None or self._owner(p.account) is not acc:
            return None
        return "CASHBACK_RECEIVED" if p.received else "IN_PROGRESS"

    def merge_accounts(self, timestamp, account_id_1, account_id_2):
        self._settle(timestamp)
        a1 = self._open.get(account_id_1)
        a2 = self._open.get(account_id_2)
        if a1 is None or a2 is None or a1 is a2:
            return False
        a1.set_balance(timestamp, a1.balance + a2.balance)
        a1.outgoing += a2.outgoing
        a2.closed = timestamp
        a2.merged_into = a1
        del self._open[account_id_2]
        return True

    def get_balance(self, timestamp, account_id, time_at):
        self._settle(timestamp)
        for acc in self._lifetimes.get(account_id, ()):
            if acc.created <= time_at and (acc.closed is None or time_at < acc.closed):
                return acc.balances[bisect_right(acc.times, time_at) - 1]
        return None
