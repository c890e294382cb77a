class BankingSystem:
    """An in-memory ledger. Every method takes the call's timestamp first (ms, strictly increasing)."""

    def __init__(self):
        pass

    # Level 1 ---------------------------------------------------------------

    def create_account(self, timestamp: int, account_id: str) -> bool:
        """Open an empty account (balance 0). False if an account with this id is open already."""
        raise NotImplementedError

    def deposit(self, timestamp: int, account_id: str, amount: int) -> int | None:
        """Add amount (> 0) and return the new balance; None if the account does not exist."""
        raise NotImplementedError

    def transfer(self, timestamp: int, source_account_id: str, target_account_id: str, amount: int) -> int | None:
        """Move amount from source to target; return the source's new balance.

        None (and nothing changes) if either account is missing, they are the
        same account, or the source's balance is less than amount.
        """
        raise NotImplementedError

    # Level 2 ---------------------------------------------------------------

    def top_spenders(self, timestamp: int, n: int) -> list[str]:
        """At most n entries "<id>(<outgoing>)" over open accounts.

        outgoing = money the account sent by successful transfers (and, from
        level 3, payments). Order: outgoing descending, then id ascending.
        Accounts with outgoing 0 are included.
        """
        raise NotImplementedError

    # Level 3 ---------------------------------------------------------------

    def pay(self, timestamp: int, account_id: str, amount: int) -> str | None:
        """Withdraw amount; return "payment<k>", k counting successful payments system-wide from 1.

        None for a missing account or a balance below amount. A cashback of
        floor(2% of amount) is credited at timestamp + 86_400_000; any cashback
        due at or before a call's timestamp is credited before that call runs.
        """
        raise NotImplementedError

    def get_payment_status(self, timestamp: int, account_id: str, payment: str) -> str | None:
        """"IN_PROGRESS" or "CASHBACK_RECEIVED".

        None if the account is missing, the payment is unknown, or it belongs
        to another account.
        """
        raise NotImplementedError

    # Level 4 ---------------------------------------------------------------

    def merge_accounts(self, timestamp: int, account_id_1: str, account_id_2: str) -> bool:
        """Fold account 2 into account 1 and remove account 2. False if equal or either is missing."""
        raise NotImplementedError

    def get_balance(self, timestamp: int, account_id: str, time_at: int) -> int | None:
        """The balance the account with this id had at time_at (<= timestamp), after everything
        at or before time_at, cashback included; None if no such account existed at time_at."""
        raise NotImplementedError
