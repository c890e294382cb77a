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
    path: Annotated[Path, typer.Argument(help="the task folder: its *_impl.py (and an interface module, if any) "
                                              "and level_N_tests.py files, in tests/ or at the top")],
    slug: Annotated[str | None, typer.Option(help="the id becomes oop/SLUG (default: from the interface module; "
                                             "with -imported added if the bundled bank has that id)")] = None,
    force: Annotated[bool, typer.Option("--force", help="replace a task imported before under the same id")] = False,
    check: Annotated[bool, typer.Option("--check/--no-check", help="run the tests on the starter and warn if it "
                                        "already passes them all (a task that ships its solution)")] = True,
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
    if check:
        _warn_if_solved(task.folder)


def _warn_if_solved(folder: Path) -> None:
    """A repository that ships its solution in the *_impl.py gives nothing to practise: say so."""
    from rounds.content.package import load_problem
    from rounds.judge.factory import get_judge

    try:
        problem = load_problem(folder)
        report = get_judge(get_settings()).judge(problem, problem.starter, suite="all", seed=0)
    except Exception as exc:  # noqa: BLE001 - a check, never a reason to fail the import
        err.print(f"[yellow]note:[/yellow] the starter could not be checked ({type(exc).__name__}: {exc})")
        return
    if report.accepted:
        err.print(f"[yellow]warning:[/yellow] the module to fill in already passes all {len(report.tests)} tests: the task seems to ship its solution. Replace its "
                  "methods' bodies with `raise NotImplementedError` and import it again with --force.", soft_wrap=True)
