"""`rounds deck`: a project's talk in the terminal.

    rounds deck export PROJECT --pptx talk.pptx [--md talk.md]
    rounds deck rehearse PROJECT

A rehearsal times each slide against its minutes (Enter moves to the next slide, q then Enter stops),
then asks the talk rubric item by item (y or n) and saves both; it reads its answers from standard
input, so it can be driven by a script as well as by a person at the keyboard.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from rounds.cli.stories import EXIT_ERROR, _services, console, err

commands = typer.Typer(name="deck", no_args_is_help=True,
                       help="A project's talk: export its outline as PowerPoint or Markdown, rehearse it.")
_clock = time.monotonic  # the rehearsal's clock (a test gives its own)


@commands.command("export")
def deck_export(project: Annotated[str, typer.Argument(help="The project's id or name.")],
                pptx: Annotated[Path | None, typer.Option("--pptx", help="Write a PowerPoint file here.")] = None,
                md: Annotated[Path | None, typer.Option("--md", help="Write the outline as Markdown here.")] = None,
                ) -> None:
    """Export a project's talk (its saved outline, else one built from its chapters)."""
    from rounds.services import projects

    if pptx is None and md is None:
        err.print("[red]error:[/red] say where to write it: --pptx FILE and/or --md FILE")
        raise typer.Exit(EXIT_ERROR)
    with _services() as db:
        p = projects.find_project(sessions=db.sessions, name_or_id=project)
    slides = p.outline or projects.build_outline(p)
    if pptx is not None:
        pptx.write_bytes(projects.pptx(p, slides))
        console.print(f"wrote {escape(str(pptx))}: {len(slides)} slides with speaker notes")
    if md is not None:
        md.write_text(projects.markdown(p, slides), encoding="utf-8")
        console.print(f"wrote {escape(str(md))}")


class _Elapsed:
    """The live line of a slide under way: its time against its budget, and the whole's."""

    def __init__(self, n: int, of: int, title: str, budget_s: float, began: float, whole: float,
                 total_s: float) -> None:
        self.n, self.of, self.title, self.budget_s = n, of, title, budget_s
        self.began, self.whole, self.total_s = began, whole, total_s

    def plain(self) -> str:
        from rounds.services.talks import mmss

        return f"slide {self.n} of {self.of}: [bold]{escape(self.title)}[/bold] ({mmss(self.budget_s)})"

    def __rich__(self) -> str:
        from rounds.services.talks import mmss

        now = _clock()
        one, all_ = now - self.began, now - self.whole
        style = "red" if one > self.budget_s else "green"
        return (f"slide {self.n} of {self.of}: [bold]{escape(self.title)}[/bold]  [{style}]{mmss(one)}[/{style}] / "
                f"{mmss(self.budget_s)}   total {mmss(all_)} / {mmss(self.total_s)}   [dim](Enter: next slide)[/dim]")


def _line() -> str | None:
    """One line from standard input, None at its end."""
    got = sys.stdin.readline()
    return None if got == "" else got.strip().lower()


def _wait(view: _Elapsed) -> str | None:
    """Wait for Enter on a slide: a live clock at a terminal, a plain line otherwise."""
    if console.is_terminal and sys.stdin.isatty():
        from rich.live import Live

        with Live(view, console=console, refresh_per_second=4, transient=True):
            return _line()
    console.print(view.plain())
    return _line()


@commands.command("rehearse")
def deck_rehearse(project: Annotated[str, typer.Argument(help="The project's id or name.")]) -> None:
    """Rehearse a project's talk: each slide timed against its minutes (Enter: next slide; q: stop), then
    the talk rubric asked item by item; the rehearsal and the self-assessment are saved."""
    from rounds.services import projects, talks

    with _services() as db:
        p = projects.find_project(sessions=db.sessions, name_or_id=project)
        slides: list[dict[str, Any]] = p.outline or projects.build_outline(p)
        total_s = sum(float(s.get("minutes") or 0) * 60 for s in slides)
        console.print(f"[bold]{escape(p.name)}[/bold]: {len(slides)} slides, {talks.mmss(total_s)} of talking "
                      f"(a {p.talk_minutes}-minute talk, questions included). Press Enter to start; Enter at the "
                      "end of each slide; q then Enter stops early.")
        if _line() is None:
            err.print("[red]error:[/red] nothing rehearsed (the input ended before the start)")
            raise typer.Exit(EXIT_ERROR)
        took: list[float | None] = []
        whole = mark = _clock()
        for n, s in enumerate(slides, 1):
            budget = float(s.get("minutes") or 0) * 60
            answer = _wait(_Elapsed(n, len(slides), str(s.get("title", "")), budget, mark, whole, total_s))
            now = _clock()
            took.append(now - mark)
            console.print(f"  {n}. {escape(str(s.get('title', '')))}: {talks.mmss(now - mark)} of "
                          f"{talks.mmss(budget)}")
            mark = now
            if answer is None or answer in ("q", "quit", "stop"):
                break
        rid = talks.save_rehearsal(sessions=db.sessions, project_id=p.id, took=took)
        r = talks.get_rehearsal(sessions=db.sessions, rehearsal_id=rid)
        table = Table(title=f"{escape(p.name)}: {r.time_line}", show_edge=False, header_style="bold")
        for col in ("#", "slide", "budget", "took", "over / under"):
            table.add_column(col)
        for n, sl in enumerate(r.slides, 1):
            table.add_row(str(n), escape(sl.title), talks.mmss(sl.budget_s),
                          "" if sl.took_s is None else talks.mmss(sl.took_s),
                          "not reached" if sl.delta_s is None else f"{talks.signed(sl.delta_s)} {sl.verdict}")
        console.print(table)
        console.print("The talk rubric: did your talk do this? (y or n; Enter takes the default)")
        ticks: list[str] = []
        items = talks.rubric()
        for n, it in enumerate(items, 1):
            default = it.id == "time-kept" and r.kept
            console.print(f"{n}/{len(items)} {escape(it.item)} [dim]({escape(it.strong)})[/dim] "
                          + escape(f"[{'Y/n' if default else 'y/N'}]"))
            answer = _line()
            if answer is None:
                console.print(f"Saved rehearsal {rid} without a self-assessment: give it on its page, /talks/{rid}.")
                return
            if answer.startswith("y") or (answer == "" and default):
                ticks.append(it.id)
        r = talks.assess(sessions=db.sessions, rehearsal_id=rid, checks=ticks)
        console.print(f"Saved rehearsal {rid}: talk: {r.summary}.")
        missed = [it.item for it in items if it.id not in r.checks]
        if missed:
            console.print("To work on: " + "; ".join(escape(m) for m in missed[:3]) + (" ..." if len(missed) > 3 else ""))
