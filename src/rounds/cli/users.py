"""`rounds users`: the accounts of a multi-user server (ROUNDS_ACCOUNTS=1; docs/accounts.md).

    rounds users add NAME --role admin|coach|learner [--group G] [--password-stdin]
    rounds users invite [--role learner] [--group G] [--days 7] [--base-url URL]   prints a sign-up link
    rounds users list [--group G] [--json]
    rounds users set NAME [--role R] [--group G] [--disable | --enable] [--password-stdin]
    rounds users delete NAME [--yes]        the user and everything of theirs, after confirmation
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from rounds.config import get_settings
from rounds.storage.db import Database

if TYPE_CHECKING:
    from rounds.services.accounts import Removal

commands = typer.Typer(name="users", no_args_is_help=True,
                       help="Accounts of a cohort server: add users, invite them by link, list, change "
                            "or delete them.")
console = Console(highlight=False)
err = Console(stderr=True)

EXIT_ERROR = 2
RoleOpt = Annotated[str, typer.Option("--role", help="learner, coach or admin.")]
GroupOpt = Annotated[str, typer.Option("--group", help="The cohort the user belongs to (a coach sees their group).")]
StdinOpt = Annotated[bool, typer.Option("--password-stdin", help="Read the password from the first line of stdin.")]


@contextmanager
def _services() -> Iterator[Database]:
    from rounds.services.errors import ServiceError
    from rounds.storage.db import database

    settings = get_settings()
    if not settings.accounts:
        err.print("[yellow]note:[/yellow] accounts are off (ROUNDS_ACCOUNTS is not set): the web app asks for no "
                  "login until the server runs with ROUNDS_ACCOUNTS=1.")
    try:
        yield database(settings)
    except ServiceError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(EXIT_ERROR) from None


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = typer.prompt("Password", hide_input=True)
    again = typer.prompt("The password again", hide_input=True)
    if first != again:
        err.print("[red]error:[/red] the two passwords differ")
        raise typer.Exit(EXIT_ERROR)
    return str(first)


@commands.command("add")
def add_cmd(name: Annotated[str, typer.Argument(help="The user's name (what they sign in with).")],
            role: RoleOpt = "learner", group: GroupOpt = "", password_stdin: StdinOpt = False) -> None:
    """Add a user with a password (prompted, or read from stdin)."""
    from rounds.services import accounts

    password = _password(password_stdin)
    with _services() as db:
        uid = accounts.add_user(sessions=db.sessions, name=name, password=password, role=role, group=group)
    console.print(f"Added {escape(name.strip().lower())} (user {uid}), {role}" + (f" in {escape(group)}" if group else "") + ".")


@commands.command("invite")
def invite_cmd(role: RoleOpt = "learner", group: GroupOpt = "",
               days: Annotated[int, typer.Option("--days", help="How long the link works.", min=1, max=90)] = 7,
               base_url: Annotated[str, typer.Option("--base-url", help="The server's address, as people reach it.")]
               = "") -> None:
    """Print a one-use sign-up link granting ROLE in GROUP."""
    from rounds.services import accounts

    with _services() as db:
        token = accounts.create_invite(sessions=db.sessions, role=role, group=group, days=days)
    settings = get_settings()
    base = (base_url or f"http://{settings.host}:{settings.port}").rstrip("/")
    print(f"{base}/signup/{token}")


@commands.command("list")
def list_cmd(group: Annotated[str | None, typer.Option("--group", help="Only this group.")] = None,
             as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False) -> None:
    """Every account: name, role, group, whether it is disabled, last sign-in."""
    from rounds.services import accounts

    with _services() as db:
        rows = accounts.list_users(sessions=db.sessions, group=group)
    if as_json:
        print(json.dumps([{"id": r.id, "name": r.name, "role": r.role, "group": r.group, "disabled": r.disabled,
                           "created_at": r.created_at.isoformat(),
                           "last_login_at": r.last_login_at.isoformat() if r.last_login_at else None}
                          for r in rows], indent=2))
        return
    if not rows:
        console.print("No accounts yet: [bold]rounds users add NAME --role admin[/bold], or "
                      "[bold]rounds users invite[/bold].")
        return
    table = Table("id", "name", "role", "group", "state", "last sign-in")
    for r in rows:
        table.add_row(str(r.id), escape(r.name), r.role, escape(r.group) or "-", "disabled" if r.disabled else "active",
                      r.last_login_at.strftime("%Y-%m-%d %H:%M UTC") if r.last_login_at else "never")
    console.print(table)


@commands.command("set")
def set_cmd(name: Annotated[str, typer.Argument(help="The user's name.")],
            role: Annotated[str | None, typer.Option("--role", help="learner, coach or admin.")] = None,
            group: Annotated[str | None, typer.Option("--group", help="The user's group.")] = None,
            disable: Annotated[bool | None, typer.Option("--disable/--enable", help="Refuse or allow sign-in.")] = None,
            password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Set a new password from stdin.")]
            = False) -> None:
    """Change a user's role, group, password or state; disabling, or a new password, signs them out."""
    from rounds.services import accounts

    password = _password(True) if password_stdin else None
    with _services() as db:
        accounts.update_user(sessions=db.sessions, name=name, role=role, group=group, disabled=disable,
                             password=password)
    console.print(f"Updated {escape(name.strip().lower())}.")


def _interactive() -> bool:
    """Whether someone at a terminal can answer the confirmation."""
    return sys.stdin.isatty()


@commands.command("delete")
def delete_cmd(name: Annotated[str, typer.Argument(help="The user's name.")],
               yes: Annotated[bool, typer.Option("--yes", help="Delete without asking (scripts).")] = False) -> None:
    """Delete a user and everything of theirs: attempts, cards, stories, takes and recordings, projects,
    design sessions, mock loops, shares, sign-ins. Asks for the name again unless --yes."""
    from rounds.services import accounts

    settings = get_settings()
    with _services() as db:
        preview = accounts.deletion_preview(sessions=db.sessions, data_dir=settings.data_dir, name=name)
        if not yes:
            if not _interactive():
                err.print(f"[red]error:[/red] deleting {escape(preview.name)} needs a confirmation, and there is "
                          "no terminal to ask: run it in a terminal, or add --yes. Nothing deleted.")
                raise typer.Exit(EXIT_ERROR)
            _show(preview, "Deleting", "this removes")
            answer = typer.prompt(f"Type the name ({preview.name}) to delete it for good", default="",
                                  show_default=False)
            if answer.strip().lower() != preview.name:
                err.print("[red]error:[/red] the name typed differs: nothing deleted.")
                raise typer.Exit(EXIT_ERROR)
        removal = accounts.delete_user(sessions=db.sessions, data_dir=settings.data_dir, name=name,
                                       user_id=preview.user_id)
    _show(removal, "Deleted", "removed")


def _show(r: Removal, verb: str, what: str) -> None:
    who = f"{escape(r.name)} (user {r.user_id}, {r.role}" + (f" in {escape(r.group)}" if r.group else "") + ")"
    console.print(f"{verb} {who}: {what}")
    for label, n in r.kinds():
        console.print(f"  {n:>7}  {label}")
    if r.open_invites:
        console.print(f"The {r.open_invites} open sign-up link(s) they made stay usable, no longer in their name.")
