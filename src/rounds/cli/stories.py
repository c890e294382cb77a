"""`rounds stories`: the user's behavioral stories in the terminal.

    rounds stories list [--json]        every story with its signals and the questions it answers
    rounds stories add STORY.md         a story from Markdown (see docs/behavioral.md, "Practice")
    rounds stories coverage [--json]    signals x stories: the gaps and the overloaded stories
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from rounds.config import get_settings
from rounds.storage.db import Database

commands = typer.Typer(name="stories", no_args_is_help=True,
                       help="Your behavioral stories: list them, add one from Markdown, see the signals they cover.")
console = Console(highlight=False)
err = Console(stderr=True)

EXIT_ERROR = 2


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


@commands.command("list")
def list_cmd(as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False) -> None:
    """Every story: its signals, companies, project and the bank questions it answers."""
    from rounds.services import stories

    with _services() as db:
        items = stories.list_stories(sessions=db.sessions)
    if as_json:
        print(json.dumps([{"id": s.id, "title": s.title, "signals": list(s.signals), "companies": list(s.companies),
                           "project": s.project, "questions": list(s.questions)} for s in items], indent=2))
        return
    if not items:
        console.print("No stories yet: write one in Markdown and run [bold]rounds stories add FILE.md[/bold].")
        return
    table = Table("id", "title", "signals", "companies", "project", "questions")
    for s in items:
        table.add_row(str(s.id), escape(s.title), ", ".join(s.signals), ", ".join(s.companies), escape(s.project),
                      str(len(s.questions)) + (" (too many)" if s.overloaded else ""))
    console.print(table)


@commands.command("add")
def add_cmd(file: Annotated[Path, typer.Argument(help="A story in Markdown: '# Title', tag lines, '## Situation'...",
                                                 exists=True, dir_okay=False, readable=True)]) -> None:
    """Add a story from a Markdown file."""
    from rounds.services import stories

    with _services() as db:
        try:
            text = file.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            err.print(f"[red]error:[/red] {escape(str(file))}: not UTF-8 text")
            raise typer.Exit(EXIT_ERROR) from None
        try:
            story = stories.parse_markdown(text)
        except Exception as exc:
            err.print(f"[red]error:[/red] {escape(str(file))}: {escape(str(exc))}")
            raise typer.Exit(EXIT_ERROR) from None
        sid = stories.add_story(sessions=db.sessions, story=story)
    console.print(f"added story {sid}: {escape(story.title)}")


@commands.command("coverage")
def coverage_cmd(as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False) -> None:
    """Signals x stories: which signals have no story, and which stories carry too many questions."""
    from rounds.services import stories

    with _services() as db:
        cov = stories.coverage(sessions=db.sessions)
    if as_json:
        print(json.dumps(cov.as_json(), indent=2))
        return
    table = Table("signal", "stories", "bank questions", "")
    for sig in cov.signals:
        n = cov.per_signal[sig]
        table.add_row(sig, str(n), str(cov.questions_per_signal[sig]), "[red]no story[/red]" if not n else "")
    console.print(table)
    if cov.gaps:
        console.print(f"No story yet for {len(cov.gaps)} of {len(cov.signals)} signals: {', '.join(cov.gaps)}")
    else:
        console.print("Every signal has a story.")
    for st in cov.overloaded:
        console.print(f"Story {st.id} ({escape(st.title)}) answers {len(st.questions)} questions: more than "
                      f"{stories.MAX_QUESTIONS_PER_STORY}, too many for one story.")
