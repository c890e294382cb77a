"""`rounds cards`: the fundamentals cards in the terminal: review, the phone screen, stats, settings.

Answers are typed at a prompt (one line); an empty answer is "I don't know" and is graded Again.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from rounds.config import get_settings
from rounds.storage.db import Database

commands = typer.Typer(name="cards", no_args_is_help=True,
                       help="Practise the ML fundamentals cards: spaced review, phone screens, onsite rounds, your own cards.")
console = Console(highlight=False)
err = Console(stderr=True)

EXIT_ERROR = 2
QUIT = {"q", ":q", "quit"}
RATING_WORDS = {"1": 1, "2": 2, "3": 3, "4": 4, "again": 1, "hard": 2, "good": 3, "easy": 4, "a": 1, "h": 2, "g": 3,
                "e": 4}


@contextmanager
def _services() -> Iterator[Database]:
    """The database, turning every service error into a clear message and exit 2."""
    from rounds.services.errors import ServiceError
    from rounds.storage.db import database

    try:
        yield database(get_settings())
    except ServiceError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(EXIT_ERROR) from None


def _ask(label: str) -> str:
    return str(typer.prompt(label, default="", show_default=False, prompt_suffix=": "))


def _show_prompt(p: object, header: str) -> None:
    from rounds.services.card_practice import Prompt

    assert isinstance(p, Prompt)
    console.print(f"\n[bold]{escape(header)}[/bold]")
    console.print(escape(p.question))
    for letter, text in zip(p.letters, p.options, strict=True):
        console.print(f"  {letter}) {escape(text)}")
    if p.kind == "choice":
        console.print("[dim]type the letter" + ("s, e.g. a,c" if p.multiple else "") + "[/dim]")
    elif p.kind == "computed" and p.unit:
        console.print(f"[dim]answer in {escape(p.unit)}[/dim]")


def _reveal(g: object) -> None:
    from rounds.services.card_practice import Graded

    assert isinstance(g, Graded)
    colour = {"correct": "green", "wrong": "red", "skipped": "yellow", "unanswered": "yellow"}.get(g.outcome, "cyan")
    console.print(f"[{colour}]{escape(g.message)}[/{colour}]")
    for reason in g.reasons:
        console.print(f"  {escape(reason)}")
    console.print(f"[bold]Model answer:[/bold] {escape(g.model_answer)}")
    console.print("[bold]Key points:[/bold]")
    hints = {h.point: h for h in g.hint.points} if g.hint else {}
    for point in g.key_points:
        h = hints.get(point)
        mark = f"  [dim](hint: {escape(', '.join(h.matched))})[/dim]" if h and h.seen else ""
        console.print(f"  - {escape(point)}{mark}")
    if g.hint:
        console.print(f"[dim]{escape(g.hint.label)}[/dim]")
    if g.deeper:
        console.print(f"[bold]Follow-up:[/bold] {escape(g.deeper)}")
    for cid, question in g.related:
        console.print(f"[dim]connects to {escape(cid)}: {escape(question)}[/dim]")


def _rating(allowed: tuple[int, ...], suggested: int | None, intervals: dict[int, str] | None) -> int:
    from rounds.services.card_practice import RATINGS

    choices = "  ".join(f"{r} {RATINGS[r]}" + (f" ({intervals[r]})" if intervals else "") for r in allowed)
    while True:
        label = f"grade: {choices}" + (f" [{suggested}]" if suggested else "")
        typed = _ask(label).strip().lower()
        if not typed and suggested:
            return suggested
        r = RATING_WORDS.get(typed)
        if r in allowed:
            assert r is not None
            return r
        console.print(f"[yellow]type one of {', '.join(str(a) for a in allowed)}[/yellow]")


def _decks(value: str | None) -> list[str] | None:
    return [d.strip() for d in value.split(",") if d.strip()] if value else None


@commands.command()
def review(
    deck: Annotated[str | None, typer.Option(help="only this deck (or several, comma-separated)")] = None,
    new: Annotated[int | None, typer.Option(min=0, help="new cards to introduce now (default: what today's "
                                                        "limit leaves, see `rounds cards settings`)")] = None,
    tag: Annotated[str, typer.Option(help="only cards with this tag (a sub-topic, e.g. attention)")] = "",
) -> None:
    """Review the cards due, then new ones: type an answer, see the grade and the key points, grade yourself.

    Computed and choice cards are graded by the machine (right: Hard, Good or Easy; wrong: Again).
    Open cards are yours to grade, with a hint of which key points your words seem to cover.
    An empty answer means "I don't know" (Again). Type q to stop.
    """
    from rounds.content.cards import bank
    from rounds.services import card_practice as cp
    from rounds.services.own_cards import practice_bank

    with _services() as db:
        b = practice_bank(sessions=db.sessions, base=bank())
        q = cp.queue(sessions=db.sessions, bank=b, decks=_decks(deck), new=new, tag=tag)
        cards = q.cards
        if not cards:
            console.print("Nothing is due and no new cards are left for today. "
                          "`rounds cards review --new 5` introduces more; `rounds cards stats` shows what is coming.")
            return
        console.print(f"{len(q.due)} due, {len(q.new)} new. Empty answer = I don't know; q stops.")
        done = 0
        for n, card_id in enumerate(cards, 1):
            card = b.get(card_id)
            p = cp.prompt(card, None, b)
            state = "new" if card_id in q.new else "review"
            _show_prompt(p, f"[{n}/{len(cards)}] {card.deck} · {card.kind} · {state}")
            shown = time.monotonic()
            while True:
                typed = _ask("answer")
                if typed.strip().lower() in QUIT:
                    console.print(f"Stopped: {done} reviewed.")
                    return
                g = cp.grade(card, p.seed, typed, b)
                if g.outcome != "unreadable":
                    break
                console.print(f"[yellow]{escape(g.message)}[/yellow]")
            elapsed = round(time.monotonic() - shown, 1)
            _reveal(g)
            intervals = cp.next_intervals(sessions=db.sessions, card_id=card_id)
            if len(g.allowed) == 1:
                rating = g.allowed[0]
            else:
                rating = _rating(g.allowed, g.suggested, intervals)
            rec = cp.review(sessions=db.sessions, bank=b, card_id=card_id, seed=p.seed, answer=typed, rating=rating,
                            elapsed_s=elapsed)
            console.print(f"[dim]{cp.RATINGS[rec.rating]}: next in {rec.interval}[/dim]")
            done += 1
        console.print(f"\nDone: {done} reviewed.")
        from datetime import timedelta

        from rounds.domain.attempt import now_utc

        soon = cp.queue(sessions=db.sessions, bank=b, decks=_decks(deck), new=0, tag=tag,
                        now=now_utc() + timedelta(minutes=10))
        if soon.due:
            console.print(f"{len(soon.due)} card{'s come' if len(soon.due) != 1 else ' comes'} back within 10 minutes "
                          "(learning steps): run `rounds cards review` again then.")


def _round(kind: str, decks: str | None) -> None:
    """Run a phone screen or an onsite round at the prompt, then the reveal, the grades, the verdict."""
    from rounds.content.cards import bank
    from rounds.services import card_practice as cp
    from rounds.services.errors import InvalidInput
    from rounds.services.own_cards import practice_bank

    with _services() as db:
        b = practice_bank(sessions=db.sessions, base=bank())
        sid = cp.start_screen(sessions=db.sessions, bank=b, decks=_decks(decks), kind=kind)
        view = cp.screen(sessions=db.sessions, bank=b, session_id=sid)
        minutes = round(view.remaining_s / 60)
        console.print(f"{view.title} {sid}: {view.questions} questions, {minutes} minutes. The clock does not stop; "
                      "an empty answer is I don't know; q ends the round.")
        while True:
            view = cp.screen(sessions=db.sessions, bank=b, session_id=sid)
            if view.current is None:
                break
            left = int(view.remaining_s)
            clock = f"{left // 60}:{left % 60:02d} left"
            if view.current.status == "followup":
                console.print(f"[bold]Follow-up[/bold] [dim]· {clock}[/dim]: {escape(view.current.followup)}")
            else:
                _show_prompt(view.current.prompt, f"Question {view.current.index + 1}/{view.questions} · {clock}")
            typed = _ask("answer")
            if typed.strip().lower() in QUIT:
                cp.stop_screen(sessions=db.sessions, bank=b, session_id=sid)
                console.print("Stopped: the questions left count as unanswered.")
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
            if item.followup and item.followup_answer:
                console.print(f"Follow-up: {escape(item.followup)}\nYour answer: {escape(item.followup_answer)}")
            if item.graded is None:
                continue
            g = item.graded
            _reveal(g if not item.followup else _without_followup(g))
            ratings[item.index] = g.allowed[0] if len(g.allowed) == 1 else _rating(g.allowed, g.suggested, None)
        done = cp.grade_screen(sessions=db.sessions, bank=b, session_id=sid, ratings=ratings)
        verdict = "passes" if done.verdict == "pass" else "would fail"
        colour = "green" if done.verdict == "pass" else "red"
        noun = "the screen" if kind == "screen" else "the round"
        console.print(f"\n[{colour}]{done.passed} of {done.questions} would have passed: "
                      f"{done.misses} miss{'es' if done.misses != 1 else ''}, {noun} {verdict}.[/{colour}]")


def _without_followup(g: object) -> object:
    """The reveal without the follow-up line (an onsite round has shown it already)."""
    from dataclasses import replace

    from rounds.services.card_practice import Graded

    assert isinstance(g, Graded)
    return replace(g, deeper="")


@commands.command()
def screen(
    decks: Annotated[str | None, typer.Option(help="the mix, comma-separated deck ids (default: every deck)")] = None,
) -> None:
    """A phone screen: 5 questions in 5 minutes, one at a time, against a clock that does not stop.

    Then the reveal: the model answers and key points, your self-grade for each question and the
    verdict (two misses and the screen would fail). An empty answer is "I don't know".
    """
    _round("screen", decks)


@commands.command()
def onsite(
    decks: Annotated[str | None, typer.Option(help="the mix, comma-separated deck ids (default: every deck)")] = None,
) -> None:
    """An onsite fundamentals round: 10 questions in 45 minutes, each answer followed by its follow-up.

    The next question is a card linked to the last where one is left in the mix. Then the reveal,
    your grades and the verdict: three questions in four must pass.
    """
    _round("onsite", decks)


@commands.command()
def stats(as_json: Annotated[bool, typer.Option("--json", help="one JSON object on stdout")] = False) -> None:
    """Recall by deck, the weakest decks, and the reviews due over the next 7 days."""
    import json

    from rounds.content.cards import bank
    from rounds.services import card_practice as cp
    from rounds.services.own_cards import practice_bank

    with _services() as db:
        p = cp.progress(sessions=db.sessions, bank=practice_bank(sessions=db.sessions, base=bank()))
    if as_json:
        def deck(d: cp.DeckProgress) -> dict[str, object]:
            return {"deck": d.deck, "cards": d.cards, "seen": d.seen, "due_now": d.due_now, "reviews": d.reviews,
                    "recall": d.retention}

        print(json.dumps({"reviews": p.reviews, "recall": p.retention, "settings": p.settings,
                          "decks": [deck(d) for d in p.decks], "weakest": [d.deck for d in p.weakest],
                          "forecast": dict(p.forecast)}, indent=1))
        return
    table = Table(title="fundamentals cards")
    for col in ("deck", "cards", "seen", "due now", "reviews", "recall"):
        table.add_column(col, justify="left" if col == "deck" else "right", no_wrap=True)
    for d in p.decks:
        table.add_row(d.deck, str(d.cards), str(d.seen), str(d.due_now), str(d.reviews),
                      "-" if d.retention is None else f"{d.retention:.0%}")
    console.print(table)
    overall = "-" if p.retention is None else f"{p.retention:.0%}"
    console.print(f"{p.reviews} reviews, recall {overall} (graded Hard or better); target retention "
                  f"{p.settings['retention']:.0%}, {p.settings['new_per_day']} new cards a day")
    if p.weakest:
        console.print("weakest: " + ", ".join(f"{d.deck} ({d.retention:.0%})" for d in p.weakest if d.retention is not None))
    else:
        console.print("weakest: not enough reviews yet (3 per deck)")
    console.print("due in the next 7 days: " + "  ".join(f"{day[5:]} {n}" for day, n in p.forecast))


@commands.command("settings")
def settings_cmd(
    retention: Annotated[float | None, typer.Option(help="desired retention, 0.70 to 0.99 (default 0.90)")] = None,
    new_per_day: Annotated[int | None, typer.Option(help="new cards a day, 0 to 200 (default 10)")] = None,
) -> None:
    """Show, or change, the desired retention and the number of new cards a day."""
    from rounds.services import card_practice as cp

    with _services() as db:
        current = cp.card_settings(sessions=db.sessions)
        if retention is not None or new_per_day is not None:
            current = cp.save_card_settings(
                sessions=db.sessions,
                retention=current["retention"] if retention is None else retention,
                new_per_day=current["new_per_day"] if new_per_day is None else new_per_day)
    console.print(f"desired retention {current['retention']:.2f}, {current['new_per_day']} new cards a day")


Points = Annotated[list[str] | None, typer.Option("--point", "-p", help="a key point (repeat for each)")]


@commands.command()
def add(
    question: Annotated[str, typer.Option("--question", "-q", help="the question, as an interviewer asks it")],
    answer: Annotated[str, typer.Option("--answer", "-a", help="the short model answer")],
    point: Points = None,
    tags: Annotated[str, typer.Option(help="tags, separated by spaces or commas")] = "",
    deeper: Annotated[str, typer.Option(help="the follow-up question")] = "",
    card_id: Annotated[str, typer.Option("--id", help="a slug for the card (default: made from the question)")] = "",
) -> None:
    """Write a card of your own (an open card in the deck `mine`)."""
    from rounds.services import own_cards as oc

    with _services() as db:
        cid = oc.add_card(sessions=db.sessions, card=oc.CardInput(
            question=question, answer=answer, key_points=tuple(point or ()), tags=tuple(tags.replace(",", " ").split()),
            deeper=deeper, id=card_id))
    console.print(f"added {cid}")


@commands.command()
def edit(
    card_id: Annotated[str, typer.Argument(metavar="ID", help="one of your cards, e.g. mine/why-warmup")],
    question: Annotated[str | None, typer.Option("--question", "-q")] = None,
    answer: Annotated[str | None, typer.Option("--answer", "-a")] = None,
    point: Points = None,
    tags: Annotated[str | None, typer.Option(help="the new tags (replace the old ones)")] = None,
    deeper: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Change one of your cards; what is not given stays. Its id, and so its review history, stays."""
    from rounds.services import own_cards as oc

    with _services() as db:
        old = oc.get_card(sessions=db.sessions, card_id=card_id)
        cid = oc.edit_card(sessions=db.sessions, card_id=card_id, card=oc.CardInput(
            question=old.question if question is None else question,
            answer=old.answer if answer is None else answer,
            key_points=tuple(k.point for k in old.key_points) if point is None else tuple(point),
            tags=old.tags if tags is None else tuple(tags.replace(",", " ").split()),
            deeper=old.deeper if deeper is None else deeper))
    console.print(f"saved {cid}")


@commands.command()
def mine() -> None:
    """List your own cards."""
    from rounds.services import own_cards as oc

    with _services() as db:
        cards = oc.own_cards(sessions=db.sessions)
    if not cards:
        console.print("You have no cards of your own yet: `rounds cards add` or `rounds cards import FILE`.")
        return
    for c in cards:
        tags = f"  [dim]{escape(' '.join(c.tags))}[/dim]" if c.tags else ""
        console.print(f"{escape(c.id)}  {escape(c.question)}{tags}")


@commands.command("import")
def import_cmd(
    file: Annotated[str, typer.Argument(metavar="FILE", help="a .csv file, or an Anki text file (.txt or .tsv)")],
    fmt: Annotated[str | None, typer.Option("--format", help="csv or anki (default: from the file)")] = None,
) -> None:
    """Import cards into your deck: all or nothing. A card already there (same id) is updated, history kept.

    CSV columns: id (optional), question, answer, key_points (separated by |), tags, deeper.
    """
    from pathlib import Path

    from rounds.services import own_cards as oc
    from rounds.services.errors import InvalidInput

    path = Path(file)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        err.print(f"[red]error:[/red] cannot read {escape(file)}: {escape(str(exc))}")
        raise typer.Exit(EXIT_ERROR) from None
    with _services() as db:
        try:
            rep = oc.import_cards(sessions=db.sessions, text=text, fmt=fmt or oc.guess_format(path.name, text))
        except InvalidInput as exc:
            err.print(f"[red]error:[/red] {escape(path.name)}: {escape(str(exc))}; nothing was imported")
            raise typer.Exit(EXIT_ERROR) from None
    console.print(f"imported {len(rep.added)} new card{'s' if len(rep.added) != 1 else ''}, "
                  f"updated {len(rep.updated)}")


@commands.command()
def export(
    out: Annotated[str | None, typer.Argument(metavar="[FILE]", help="where to write (default: standard output)")] = None,
    fmt: Annotated[str, typer.Option("--format", help="csv, or anki (tab-separated, for Anki's import)")] = "csv",
    deck: Annotated[str, typer.Option(help="the deck: mine (your cards) or a bundled deck (anki only)")] = "mine",
) -> None:
    """Export your cards as CSV (importable back) or for Anki; a bundled deck can go to Anki too."""
    from pathlib import Path

    from rounds.content.cards import bank
    from rounds.services import own_cards as oc

    if fmt not in ("csv", "anki"):
        err.print(f"[red]error:[/red] --format must be csv or anki, not {escape(fmt)}")
        raise typer.Exit(EXIT_ERROR)
    with _services() as db:
        if deck == oc.DECK:
            cards = oc.own_cards(sessions=db.sessions)
        elif deck in bank().decks and fmt == "anki":
            cards = list(bank().decks[deck].cards)
        else:
            err.print(f"[red]error:[/red] no deck {escape(deck)} to export as {fmt} (bundled decks export to anki)")
            raise typer.Exit(EXIT_ERROR)
    text = oc.export_csv(cards) if fmt == "csv" else oc.export_anki(cards)
    if out:
        Path(out).write_text(text, encoding="utf-8")
        err.print(f"wrote {len(cards)} cards to {escape(out)}")
    else:
        print(text, end="")


@commands.command("history")
def history_cmd(card_id: Annotated[str, typer.Argument(metavar="ID", help="a card id, e.g. transformers/why-scale")]
                ) -> None:
    """A card's review log: when, the grade, the answer typed, and the question as it was drawn then."""
    from rounds.content.cards import bank
    from rounds.services import card_practice as cp
    from rounds.services.own_cards import practice_bank

    with _services() as db:
        b = practice_bank(sessions=db.sessions, base=bank())
        rows = cp.history(sessions=db.sessions, bank=b, card_id=card_id)
        state = cp.stored_state(sessions=db.sessions, card_id=card_id)
    if not rows:
        console.print(f"No reviews of {escape(card_id)} yet.")
        return
    for r in rows:
        where = f" · round {r.session_id}" if r.session_id else ""
        took = f" · {r.elapsed_s:.0f} s" if r.elapsed_s is not None else ""
        console.print(f"[bold]{r.reviewed_at:%Y-%m-%d %H:%M} {cp.RATINGS[r.rating]}[/bold] ({r.outcome}{took}{where})")
        if r.seed is not None:
            console.print(f"  [dim]seed {r.seed}:[/dim] {escape(r.question)}")
        typed = escape(r.answer) if r.answer else "(I don't know)"
        console.print(f"  answer: {typed}")
    if state is not None:
        console.print(f"next due {state.due:%Y-%m-%d %H:%M} UTC")


@commands.command()
def rebuild() -> None:
    """Rewrite every card's schedule from the review log (the log is the record; the schedule follows from it)."""
    from rounds.services import card_practice as cp

    with _services() as db:
        cards, changed = cp.rebuild(sessions=db.sessions)
    console.print(f"{cards} card{'s' if cards != 1 else ''} replayed from the log, {changed} schedule"
                  f"{'s' if changed != 1 else ''} rewritten")
