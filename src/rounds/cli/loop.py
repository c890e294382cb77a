"""`rounds loop`: a mock interview loop in the terminal.

``templates`` lists the loop templates (bundled, company presets, your own); ``copy TEMPLATE``
puts one in your own loops folder to edit; ``start TEMPLATE``
starts a run and shows its agenda; ``next`` starts the next round's clock (it never pauses; a card screen is asked at the prompt);
``status`` shows the agenda, the round on with its time left and where to work on it, or the
break; ``finish`` ends the round on before its deadline; ``skip`` skips the next round;
``abandon`` stops the run; ``report`` prints the scorecard and the readiness across loops, and
``--html FILE`` writes both as one self-contained HTML file. The run lives in the same database
as the web app's loop page: start in one, continue in the other.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from rounds.config import get_settings
from rounds.storage.db import Database

commands = typer.Typer(name="loop", no_args_is_help=True,
                       help="A mock interview loop: rounds in order, each on its own clock, then a scorecard.")
console = Console(highlight=False)
err = Console(stderr=True)
EXIT_ERROR = 2


@contextmanager
def _services() -> Iterator[Database]:
    from rounds.services.errors import ServiceError
    from rounds.storage.db import database

    try:
        yield database(get_settings())
    except ServiceError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(EXIT_ERROR) from None


def _fail(message: str) -> typer.Exit:
    err.print(f"[red]error:[/red] {escape(message)}")
    return typer.Exit(EXIT_ERROR)


def _clock(seconds: float) -> str:
    s = int(max(0, seconds))
    return f"{s // 60}:{s % 60:02d}"


def _run_id(db: Database, run: int | None) -> int:
    from rounds.services import loops

    if run is not None:
        return run
    rid = loops.active_run(sessions=db.sessions)
    if rid is None:
        rows = loops.past_runs(sessions=db.sessions, limit=1)
        if not rows:
            raise _fail("no loop yet: `rounds loop templates`, then `rounds loop start TEMPLATE`")
        rid = rows[0].id
    return rid


def _where(r: Any, base: str) -> str:
    """Where to work on a round: its page, and the terminal command where there is one."""
    parts = []
    if r.link:
        parts.append(f"{base}{r.link}")
    for _q, text, link in r.question_links:
        parts.append(f"{text}\n  {base}{link}")
    if r.terminal:
        parts.append(f"`{r.terminal}`")
    return "\n".join(parts)


def _agenda(v: Any) -> None:
    table = Table(show_edge=False, header_style="bold")
    for col in ("#", "round", "min", "item", "status", "result", "estimate"):
        table.add_column(col)
    for r in v.rounds:
        status = r.status
        if r.status == "running" and r.remaining_s is not None:
            status = f"on, {_clock(r.remaining_s)} left"
        item = r.item_id or r.item_title
        if r.status == "missing":
            item = r.note
        est = r.result.estimate.label if r.result.estimate else ""
        table.add_row(str(r.position + 1), escape(r.title), str(r.minutes), escape(item), status,
                      escape(r.result.summary if r.status not in ("pending", "missing") else ""), est)
    console.print(table)


def _status(v: Any) -> None:
    settings = get_settings()
    base = f"http://{settings.host}:{settings.port}"
    console.print(f"[bold]{escape(v.title)}[/bold] · loop {v.id} · {v.status}")
    _agenda(v)
    c = v.current
    if v.phase == "round" and c is not None:
        console.print(f"\nOn now: [bold]{escape(c.title)}[/bold] ({escape(c.item_title or c.item_id)}), "
                      f"{_clock(c.remaining_s or 0)} left of {c.minutes}:00. The clock never pauses.")
        where = _where(c, base)
        if where:
            console.print(escape(where))
        console.print("`rounds loop finish` ends it early.")
    elif v.phase == "break" and c is not None:
        console.print(f"\nBreak: {_clock(v.break_remaining_s)} left. Next: {escape(c.title)} "
                      f"({c.minutes} min). `rounds loop next` starts it.")
    elif v.phase == "ready" and c is not None:
        console.print(f"\nNext: {escape(c.title)} ({c.minutes} min, {escape(c.item_title or c.item_id)}). "
                      "`rounds loop next` starts its clock; `rounds loop skip` skips it.")
    else:
        console.print("\nThe loop is over: `rounds loop report` for the scorecard.")


@commands.command("templates")
def list_templates(as_json: Annotated[bool, typer.Option("--json", help="machine-readable")] = False) -> None:
    """The loop templates: rounds and minutes, the company presets (as reported), the rounds the catalog lacks."""
    from rounds.services import loops

    rows = loops.templates()
    if as_json:
        typer.echo(json.dumps([{**r.template.as_json(), "minutes": r.template.minutes,
                                "missing": {str(k): v for k, v in r.missing.items()}} for r in rows], indent=2))
        return
    table = Table(show_edge=False, header_style="bold")
    for col in ("id", "min", "rounds", "note"):
        table.add_column(col)
    for r in rows:
        t = r.template
        rounds = ", ".join(f"{x.title} {x.minutes}" for x in t.rounds)
        note = "; ".join(f"round {k + 1}: {why}" for k, why in r.missing.items())
        if t.preset:
            note = ("reported loop" + (f"; {note}" if note else ""))
        table.add_row(t.id, str(t.minutes), escape(rounds), escape(note))
    console.print(table)
    for name, errors in loops.template_failures().items():
        err.print(f"[yellow]{escape(name)} is not offered:[/yellow] {escape('; '.join(errors))}")
    console.print("[dim]`rounds loop start ID` starts one. Your own templates go in the data folder's loops/ "
                  "(docs/loops.md).[/dim]")


@commands.command()
def copy(
    template: Annotated[str, typer.Argument(metavar="TEMPLATE", help="the template to copy, e.g. company-meta-mle")],
    new_id: Annotated[str | None, typer.Argument(metavar="NEW_ID", help="the copy's id (default: my-TEMPLATE)")]
    = None,
) -> None:
    """Copy a template into your own loops folder to edit (a preset to match what your recruiter said)."""
    import re

    from rounds.content import loops as content

    lp = content.loops()
    try:
        t = lp.get(template)
    except KeyError as exc:
        raise _fail(str(exc.args[0])) from None
    new_id = new_id or f"my-{t.id}"
    if not content.SLUG.match(new_id):
        raise _fail(f"'{new_id}' is not a lowercase slug (letters, digits and dashes)")
    src = (content.LOOPS_ROOT if t.source == "bundled" else content.user_root()) / f"{t.id}.toml"
    dest = content.user_root() / f"{new_id}.toml"
    if dest.exists():
        raise _fail(f"{dest} exists already: edit it, or choose another id")
    text = re.sub(r'(?m)^id = "[^"]*"', f'id = "{new_id}"', src.read_text(encoding="utf-8"), count=1)
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(text, encoding="utf-8")
    _, errors = content.load_template(dest, "mine")
    if errors:  # never expected: the copy of a valid template
        raise _fail("; ".join(errors))
    console.print(f"Wrote {escape(str(dest))}: edit it, then `rounds loop start {new_id}`.")


@commands.command()
def start(template: Annotated[str, typer.Argument(metavar="TEMPLATE", help="a template id, e.g. mle-onsite")]) -> None:
    """Start a loop: an item is picked for every round (unseen or due first); `rounds loop next` starts round 1."""
    from rounds.services import loops

    with _services() as db:
        rid = loops.start_run(sessions=db.sessions, template_id=template)
        v = loops.view(sessions=db.sessions, run_id=rid)
    _status(v)


@commands.command()
def status(run: Annotated[int | None, typer.Option(help="a loop id (default: the one on, else the last)")] = None,
           as_json: Annotated[bool, typer.Option("--json", help="machine-readable")] = False) -> None:
    """The agenda, the round on with its clock and where to work on it, or the break."""
    from rounds.services import loops

    with _services() as db:
        v = loops.view(sessions=db.sessions, run_id=_run_id(db, run))
    if as_json:
        typer.echo(json.dumps(_json(v), indent=2))
        return
    _status(v)


def _json(v: Any) -> dict[str, Any]:
    return {"id": v.id, "template": v.template_id, "title": v.title, "status": v.status, "phase": v.phase,
            "break_remaining_s": round(v.break_remaining_s),
            "estimate": v.estimate.label if v.estimate else None, "signals": v.signals,
            "rounds": [{"position": r.position, "kind": r.kind, "title": r.title, "minutes": r.minutes,
                        "item": r.item_id, "items": list(r.items), "status": r.status, "ref_id": r.ref_id,
                        "link": r.link, "remaining_s": None if r.remaining_s is None else round(r.remaining_s),
                        "result": r.result.summary, "state": r.result.state,
                        "estimate": r.result.estimate.label if r.result.estimate else None,
                        "evidence": list(r.result.estimate.evidence) if r.result.estimate else [],
                        "signals": r.result.signals} for r in v.rounds]}


@commands.command("next")
def next_round(
    web: Annotated[bool, typer.Option("--web", help="a card screen: answer it in the browser, not here")] = False,
) -> None:
    """Start the next round's clock (after the break, or cutting it short); a card screen is asked right here."""
    from rounds.services import loops

    with _services() as db:
        rid = loops.active_run(sessions=db.sessions)
        if rid is None:
            raise _fail("no loop is on: `rounds loop start TEMPLATE`")
        r = loops.start_round(sessions=db.sessions, run_id=rid)
        if r.kind == "cards-screen" and r.ref_id is not None and not web:
            _screen_here(db, r.ref_id)
        v = loops.view(sessions=db.sessions, run_id=rid)
    _status(v)


def _screen_here(db: Database, sid: int) -> None:
    """The loop's card screen at the prompt: the questions against the server's clock, the reveal, the grades."""
    from rounds.cli import cards as cards_cli
    from rounds.content.cards import bank
    from rounds.services import card_practice as cp
    from rounds.services.errors import InvalidInput
    from rounds.services.own_cards import practice_bank

    b = practice_bank(sessions=db.sessions, base=bank())
    view = cp.screen(sessions=db.sessions, bank=b, session_id=sid)
    console.print(f"{view.questions} questions, {round(view.remaining_s / 60)} minutes; the clock does not stop. "
                  "An empty answer is I don't know; q ends the screen.")
    while (view := cp.screen(sessions=db.sessions, bank=b, session_id=sid)).current is not None:
        left = int(view.remaining_s)
        cards_cli._show_prompt(view.current.prompt, f"Question {view.current.index + 1}/{view.questions} · "
                                                    f"{left // 60}:{left % 60:02d} left")
        typed = cards_cli._ask("answer")
        if typed.strip().lower() in cards_cli.QUIT:
            cp.stop_screen(sessions=db.sessions, bank=b, session_id=sid)
            break
        try:
            msg = cp.answer_screen(sessions=db.sessions, bank=b, session_id=sid, index=view.current.index,
                                   answer=typed)
        except InvalidInput as exc:
            console.print(f"[yellow]{escape(str(exc))}[/yellow]")
            continue
        if msg.startswith("time"):
            console.print(f"[red]{escape(msg)}[/red]")
    view = cp.screen(sessions=db.sessions, bank=b, session_id=sid)
    console.print("\n[bold]The reveal[/bold]")
    ratings: dict[int, int] = {}
    for item in view.items:
        console.print(f"\n[bold]{item.index + 1}. {escape(item.prompt.question)}[/bold]")
        console.print(f"Your answer: {escape(item.answer) if item.answer else '(none)'}")
        if item.graded is None:
            continue
        g = item.graded
        cards_cli._reveal(g)
        ratings[item.index] = g.allowed[0] if len(g.allowed) == 1 else cards_cli._rating(g.allowed, g.suggested, None)
    done = cp.grade_screen(sessions=db.sessions, bank=b, session_id=sid, ratings=ratings)
    console.print(f"\n{done.passed} of {done.questions} passed: the screen {'passes' if done.verdict == 'pass' else 'fails'}.")


@commands.command()
def finish() -> None:
    """End the round on now, before its deadline."""
    from rounds.services import loops

    with _services() as db:
        rid = loops.active_run(sessions=db.sessions)
        if rid is None:
            raise _fail("no loop is on")
        r = loops.finish_round(sessions=db.sessions, run_id=rid)
        v = loops.view(sessions=db.sessions, run_id=rid)
    console.print(f"{escape(r.title)} ended.")
    _status(v)


@commands.command()
def skip() -> None:
    """Skip the next round (it counts as not done)."""
    from rounds.services import loops

    with _services() as db:
        rid = loops.active_run(sessions=db.sessions)
        if rid is None:
            raise _fail("no loop is on")
        loops.skip_round(sessions=db.sessions, run_id=rid)
        v = loops.view(sessions=db.sessions, run_id=rid)
    _status(v)


@commands.command()
def abandon() -> None:
    """Stop the loop on: the round on ends now, the rest are skipped; the scorecard keeps what was done."""
    from rounds.services import loops

    with _services() as db:
        rid = loops.active_run(sessions=db.sessions)
        if rid is None:
            raise _fail("no loop is on")
        loops.abandon_run(sessions=db.sessions, run_id=rid)
    console.print(f"Loop {rid} abandoned. `rounds loop report` shows what was done.")


@commands.command()
def report(run: Annotated[int | None, typer.Option(help="a loop id (default: the one on, else the last)")] = None,
           html: Annotated[Path | None, typer.Option("--html", metavar="FILE",
                                                     help="also write a self-contained HTML report")] = None,
           as_json: Annotated[bool, typer.Option("--json", help="machine-readable")] = False) -> None:
    """The scorecard (per round: result, estimate, evidence; signals) and the readiness across loops."""
    from rounds.services import loops

    with _services() as db:
        rid = _run_id(db, run)
        v = loops.view(sessions=db.sessions, run_id=rid)
        rd = loops.readiness(sessions=db.sessions)
        page = loops.report_html(sessions=db.sessions, run_id=rid) if html else ""
    if html:
        html.write_text(page, encoding="utf-8")
    if as_json:
        typer.echo(json.dumps({**_json(v), "readiness": {"latest": rd.latest, "change": rd.change,
                                                         "weakest_round": rd.weakest_round,
                                                         "weakest_signal": rd.weakest_signal,
                                                         "next_steps": rd.next_steps}}, indent=2))
        return
    est = v.estimate
    console.print(f"[bold]{escape(v.title)}[/bold] · loop {v.id} · {v.status} · overall: "
                  f"[bold]{est.label if est else 'no estimate yet'}[/bold]")
    for r in v.rounds:
        e = r.result.estimate
        head = f"\n[bold]{r.position + 1}. {escape(r.title)}[/bold] ({r.kind_name}, {r.minutes} min): "
        console.print(head + escape(r.result.summary) + (f" · [bold]{e.label}[/bold]" if e else ""))
        for line in e.evidence if e else ():
            console.print(f"   - {escape(line)}")
    if v.signals:
        console.print("\n[bold]Signals[/bold] (0-100): " + ", ".join(
            f"{loops.SIGNAL_NAMES[k]} {round(100 * x)}" for k, x in v.signals.items()))
    if len(rd.runs) > 1:
        console.print("\n[bold]Across loops[/bold] (change since the first): " + ", ".join(
            f"{loops.SIGNAL_NAMES[k]} {round(100 * x):+d}" for k, x in rd.change.items()))
    if rd.weakest_round:
        console.print(f"Weakest round: {escape(rd.weakest_round[0])}")
    for step in rd.next_steps:
        console.print(f"Practise next: {escape(step)}")
    if html:
        console.print(f"\nWrote {escape(str(html))}")


# ---------------------------------------------------------------- `rounds today`: the review queue


def today(
    show_all: Annotated[bool, typer.Option("--all", help="also the items coming back later")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="machine-readable")] = False,
) -> None:
    """What to review today across every round: problems failed, levels never passed, rubric items missed,
    stories over time, cards graded Again; each with the reason it is due."""
    from rounds.services import review_queue

    with _services() as db:
        q = review_queue.queue(sessions=db.sessions)
    items = q.items if show_all else q.due
    if as_json:
        typer.echo(json.dumps([{"kind": i.kind, "id": i.id, "title": i.title, "reason": i.reason,
                                "due": i.due.isoformat(), "due_now": i.due_now(q.now), "command": i.command,
                                "link": i.link} for i in items], indent=2))
        return
    if not items:
        nxt = q.later[0] if q.later else None
        console.print("Nothing missed is due now." + (f" Next: {escape(nxt.title)}, {nxt.due:%Y-%m-%d %H:%M} UTC."
                                                       if nxt else ""))
        return
    table = Table(show_edge=False, header_style="bold")
    for col in ("due", "what", "why", "next step"):
        table.add_column(col)
    for i in items:
        when = "now" if i.due_now(q.now) else f"{i.due:%Y-%m-%d %H:%M}"
        table.add_row(when, escape(f"{i.title} ({i.kind_name})"), escape(i.reason), escape(i.command or i.link))
    console.print(table)
    console.print(f"[dim]{len(q.due)} due now, {len(q.later)} later. In the browser: Today, or /review.[/dim]")
