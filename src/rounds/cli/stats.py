"""Small learner commands: `rounds stats` (the size of the catalog, per round) and `rounds shell-setup`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

commands = typer.Typer()
console = Console()
err = Console(stderr=True)


@commands.command()
def stats(as_json: Annotated[bool, typer.Option("--json", help="one JSON object on stdout")] = False) -> None:
    """Count the catalog: practice items (problems) and levels per round, plus totals."""
    from rounds.content.catalog import catalog
    from rounds.content.vocabulary import round_name
    from rounds.services.stats import catalog_counts

    counts = catalog_counts(catalog())
    from rounds.content.behavioral import counts as behavioral_counts
    from rounds.content.cards import counts as card_counts
    from rounds.content.codebase import counts as codebase_counts
    from rounds.content.design import counts as design_counts
    from rounds.content.loops import counts as loop_counts

    counts["fundamentals"] = card_counts()  # the card decks: cards in total, per kind and per deck
    counts.update(design_counts())  # prompts per design round: "model-design", "infra-design"
    counts["behavioral"] = behavioral_counts()  # questions, company value sets, deep-dive probes
    counts["loops"] = loop_counts()  # mock-loop templates, company presets among them, rounds in all
    counts["codebase"] = codebase_counts()  # repositories to fix: by AI policy, with their mutants
    if as_json:
        print(json.dumps(counts, indent=1))
        return
    table = Table(title="the catalog")
    for col in ("round", "problems", "levels"):
        table.add_column(col, no_wrap=True, justify="left" if col == "round" else "right")
    for name, n in counts["rounds"].items():
        table.add_row(f"{round_name(name)} ({name})", str(n), str(counts["levels"][name]))
    table.add_row("total", str(counts["total"]), str(counts["total_levels"]), style="bold")
    console.print(table)
    fund = counts["fundamentals"]
    console.print(f"fundamentals: {fund['cards']} cards in {len(fund['decks'])} decks "
                  f"({', '.join(f'{n} {k}' for k, n in fund['kinds'].items())})")
    console.print(f"model design: {counts['model-design']} prompts; infra design: {counts['infra-design']} prompts")
    beh = counts["behavioral"]
    console.print(f"behavioral: {beh['questions']} questions, {beh['companies']} company value sets, "
                  f"{beh['deep_dive']} deep-dive probes, "
                  f"{beh['talk_rubric']} talk rubric items")
    cbc = counts["codebase"]
    console.print(f"codebase: {cbc['codebases']} repositories ({cbc['ai_allowed']} AI allowed, {cbc['no_ai']} no AI), "
                  f"{cbc['mutants']} mutants")
    lo = counts["loops"]
    console.print(f"mock loops: {lo['templates']} templates ({lo['presets']} company presets), {lo['rounds']} rounds")
    if counts["not_loaded"]:
        console.print(f"{counts['not_loaded']} problem folder(s) failed to load: `rounds list` names them.")


@commands.command("shell-setup")
def shell_setup() -> None:
    """Print the shell line that puts `rounds` on PATH (eval it, or add it to your shell's start-up file)."""
    import os
    import sys

    folder = Path(sys.executable).parent
    shell = Path(os.environ.get("SHELL", "sh")).name
    if shell == "fish":
        line, rc = f"fish_add_path {folder}", "~/.config/fish/config.fish"
    else:
        line = f'export PATH="{folder}:$PATH"'
        rc = {"zsh": "~/.zshrc", "bash": "~/.bashrc"}.get(shell, "~/.profile")
    print(line)
    err.print(f"Add the line above to {rc} (or run: eval \"$({folder / 'rounds'} shell-setup)\") "
              "so that `rounds` runs in any folder.", markup=False, soft_wrap=True)
