"""`rounds import`: bring a task from elsewhere into the catalog."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from rounds.config import get_settings

commands = typer.Typer(name="import", help="Import a task from another layout into your catalog.",
                       no_args_is_help=True)
console = Console()
err = Console(stderr=True)


@commands.command("icf")
def icf(
    path: Annotated[Path, typer.Argument(help="the task folder: an interface module, its *_impl.py and "
                                              "tests/level_N_tests.py files")],
    slug: Annotated[str | None, typer.Option(help="the id becomes oop/SLUG (default: from the interface module)")] = None,
    force: Annotated[bool, typer.Option("--force", help="replace a task imported before under the same id")] = False,
) -> None:
    """Import a task laid out like CodeSignal's Industry Coding Framework (unittest levels)."""
    from rounds.services.importer import ImportLayoutError, import_icf

    try:
        task = import_icf(path=path, data_dir=get_settings().data_dir, slug=slug, force=force)
    except ImportLayoutError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    console.print(f"Imported [bold]{task.problem_id}[/bold]: {task.levels} level(s), {task.tests} tests, "
                  f"fill in {task.entry}.")
    console.print(f"  {task.folder}\n  `rounds start {task.problem_id}` opens a workspace; "
                  f"`rounds judge {task.problem_id} FILE` judges a file.")
