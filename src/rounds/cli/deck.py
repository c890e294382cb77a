"""`rounds deck`: a project's talk in the terminal.

    rounds deck export PROJECT --pptx talk.pptx [--md talk.md]
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from rounds.cli.stories import EXIT_ERROR, _services, console, err

commands = typer.Typer(name="deck", no_args_is_help=True,
                       help="A project's talk: export its outline as PowerPoint or Markdown.")


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
