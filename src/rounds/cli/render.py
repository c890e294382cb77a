"""Rich rendering of reports and tables for the terminal."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from rounds.content.package import Problem
from rounds.content.vocabulary import round_name
from rounds.domain.verdict import Report, Verdict
from rounds.services.wording import complexity_text, feedback_text

COLOURS = {Verdict.AC: "green", Verdict.WA: "red", Verdict.TLE: "yellow", Verdict.MLE: "yellow",
           Verdict.OLE: "yellow", Verdict.RE: "magenta", Verdict.CE: "magenta", Verdict.IE: "red"}


def problem_row(p: Problem) -> dict[str, Any]:
    return {"id": p.id, "title": p.title, "track": p.track, "difficulty": p.difficulty,
            "levels": len(p.levels), "minutes": p.minutes, "tags": p.tags, "companies": p.companies}


LIST_COLUMNS = ("id", "title", "track", "difficulty", "levels", "minutes", "tags")


def problem_tsv(p: Problem) -> str:
    """One problem as a tab-separated line (the columns of LIST_COLUMNS), for pipes and grep."""
    cells = (p.id, p.title, p.track, p.difficulty, str(len(p.levels)), str(p.minutes), ",".join(p.tags))
    return "\t".join(c.replace("\t", " ").replace("\n", " ") for c in cells)


def problem_table(console: Console, problems: list[Problem], *, title: str) -> None:
    """The problems as a table whose id column never wraps; a narrow terminal drops track and tags."""
    wide = console.width >= 120
    table = Table(title=title, box=box.SIMPLE_HEAD)
    table.add_column("id", no_wrap=True, min_width=max((len(p.id) for p in problems), default=2))
    table.add_column("title", overflow="fold", ratio=2, min_width=10)
    if wide:
        table.add_column("round", no_wrap=True)
    table.add_column("difficulty", no_wrap=True)
    table.add_column("levels", no_wrap=True, justify="right")
    table.add_column("min", no_wrap=True, justify="right")
    if wide:
        table.add_column("tags", overflow="fold", ratio=2)
    for p in problems:
        row = [p.id, p.title] + ([round_name(p.track)] if wide else []) + [p.difficulty, str(len(p.levels)),
                                                                          str(p.minutes)]
        table.add_row(*row, *([", ".join(p.tags)] if wide else []))
    console.print(table)


def tsv(headers: tuple[str, ...], rows: list[list[str]]) -> str:
    """A header line and one tab-separated line per row."""
    clean = [[str(c).replace("\t", " ").replace("\n", " ") for c in r] for r in [list(headers), *rows]]
    return "\n".join("\t".join(r) for r in clean)


def verdict_text(v: Verdict) -> str:
    return f"[{COLOURS[v]}]{v.value}[/{COLOURS[v]}]"


def report(console: Console, rep: Report) -> None:
    table = Table(title=f"{rep.problem_id}  ({rep.sandbox} sandbox, seed {rep.seed})", show_lines=False)
    for col in ("level", "test", "verdict", "cpu ms", "feedback"):
        table.add_column(col, overflow="fold")
    for lv in rep.levels:
        if not lv.ran:
            table.add_row(str(lv.level), "-", "[dim]locked[/dim]", "", "not run: an earlier level failed")
            continue
        for t in lv.tests:
            table.add_row(str(t.level), t.name, verdict_text(t.verdict), f"{t.cpu_ms:.1f}", feedback_text(t.message))
    console.print(table)
    for t in rep.tests:
        if t.steps:
            st = Table(title=f"{t.name}: failing sequence")
            for col in ("step", "call", "expected", "actual"):
                st.add_column(col, overflow="fold")
            for row in t.steps:
                mark = "" if row["ok"] else "[red]"
                st.add_row(str(row["step"]), row["call"], str(row["expected"]), f"{mark}{row['actual']}")
            console.print(st)
        if t.output and not t.passed:
            console.print(f"[dim]{t.name} printed:[/dim]\n{t.output[:500]}")
    passed = sum(t.passed for t in rep.tests)
    summary = f"{verdict_text(rep.verdict)} {rep.verdict.label}: {passed}/{len(rep.tests)} tests passed"
    if len(rep.levels) > 1 or rep.highest_level_passed > 1:
        summary += f", highest level fully passed: {rep.highest_level_passed}"
    if rep.score is not None:
        summary += f", score {rep.score}"
    console.print(summary)
    if rep.complexity and rep.complexity.get("message"):
        console.print(f"Complexity: {complexity_text(rep.complexity)}")


def selftest(console: Console, results: list[tuple[str, bool, str]]) -> bool:
    table = Table(title="sandbox self-test")
    for col in ("check", "result", "detail"):
        table.add_column(col, overflow="fold")
    for name, ok, detail in results:
        table.add_row(name, "[green]holds[/green]" if ok else "[red]FAILS[/red]", detail)
    console.print(table)
    return all(ok for _, ok, _ in results)
