"""`rounds design`: the ML model design and ML infra design rounds in the terminal.

``start`` writes a workspace of plain files for your own editor (PROMPT.md with the opening line
and the clock, one Markdown file per phase, diagram.mmd) and starts the session's clock in the
same database the browser uses; ``ask`` puts a clarifying question to the interviewer, ``status``
shows the clock, ``next`` moves on to the next phase, and ``finish`` reads the files back, stops
the clock and runs the rubric step: the hint, then your mark for each item, then the reference
outline, the probes and the pitfalls. When the round's time runs out (its minutes and a short
grace), the clock ends the round by itself; ``finish`` then reads back only the files last written
before the end. Where a model is set up (docs/design.md), ``interview``
talks with the model interviewer and ``finish`` shows the model grader's proposed marks.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from rounds.config import get_settings
from rounds.storage.db import Database

commands = typer.Typer(name="design", no_args_is_help=True,
                       help="Practise ML model design and ML infra design rounds: a phased clock, notes, a rubric.")
console = Console(highlight=False)
err = Console(stderr=True)

EXIT_ERROR = 2
STATE = ".rounds-design.json"
DIAGRAM = "diagram.mmd"
MARK_WORDS = {"c": "covered", "covered": "covered", "p": "partly", "partly": "partly", "m": "missed",
              "missed": "missed"}


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


def _fail(message: str) -> typer.Exit:
    err.print(f"[red]error:[/red] {escape(message)}")
    return typer.Exit(EXIT_ERROR)


def _clock(seconds: float) -> str:
    s = int(abs(seconds))
    return f"{s // 60}:{s % 60:02d}"


def _at(ts: datetime | None) -> str:
    return f" at {ts.astimezone(UTC):%H:%M:%S} UTC" if ts else ""


def phase_file(index: int, name: str) -> str:
    return f"{index}-{name}.md"


def _heading(index: int, name: str, minutes: int) -> str:
    return f"# {index}. {name} ({minutes} min)"


# ---------------------------------------------------------------- list


@commands.command("list")
def list_prompts(
    kind: Annotated[str | None, typer.Option(help="model or infra")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="machine-readable")] = False,
) -> None:
    """The design prompts, by round, with their minutes and tags."""
    from rounds.content.design import KINDS, bank

    b = bank()
    if kind and kind not in KINDS:
        raise _fail(f"--kind is one of {', '.join(KINDS)}, not '{kind}'")
    prompts = [p for k in KINDS if not kind or k == kind for p in sorted(b.of_kind(k), key=lambda p: p.title)]
    if as_json:
        rows = [{"id": p.key, "title": p.title, "minutes": p.minutes, "tags": list(p.tags)} for p in prompts]
        typer.echo(json.dumps(rows, indent=2))
        return
    table = Table(show_edge=False, header_style="bold")
    for col in ("id", "min", "title", "tags"):
        table.add_column(col)
    for p in prompts:
        table.add_row(p.key, str(p.minutes), escape(p.title), escape(", ".join(p.tags)))
    console.print(table)
    console.print(f"[dim]{len(prompts)} prompts. `rounds design start ID` writes a workspace and starts the clock.[/dim]")


# ---------------------------------------------------------------- start


def _prompt_md(p: Any) -> str:
    lines = [f"# {p.title}", "", f"{p.minutes} minutes · {p.key}" + (f" · {', '.join(p.tags)}" if p.tags else ""), "",
             "## The interviewer", "", f"> {p.opening}", "", "## The clock", ""]
    for i, ph in enumerate(p.phases, 1):
        lines.append(f"{i}. **{ph.name}**: {ph.minutes} min, notes in `{phase_file(i, ph.name)}`")
    from rounds.services.design_practice import GRACE_S

    grace = GRACE_S // 60
    lines += ["", f"When the {p.minutes} minutes are up, the round ends by itself {grace} minutes later, as an "
              "interviewer would stop you: `finish` then reads back the files as they stood at the end.",
              "", "Draw the design in `diagram.mmd` (Mermaid: `flowchart LR`, then one edge a line).", "",
              "## Commands", "",
              '- `rounds design ask "your question"`: a clarifying question to the interviewer',
              "- `rounds design status`: the phase you are in and its time left",
              "- `rounds design next`: move on to the next phase",
              "- `rounds design finish`: stop the clock, mark the rubric, see the reference", ""]
    return "\n".join(lines)


@commands.command()
def start(
    prompt_id: Annotated[str, typer.Argument(metavar="ID", help="a prompt: infra/feature-store or feature-store")],
    directory: Annotated[Path | None, typer.Option("--dir", help="where to write the workspace (default ./<slug>)")]
    = None,
) -> None:
    """Start a session: write the workspace (PROMPT.md, a Markdown file per phase, diagram.mmd); the clock starts."""
    from rounds.services import design_practice as dp

    with _services() as db:
        p = dp.get_prompt(prompt_id)
        where = directory or Path(p.id)
        if where.exists() and any(where.iterdir()):
            raise _fail(f"{where} already exists and is not empty: choose another with --dir")
        sid = dp.start(sessions=db.sessions, prompt_id=p.key, source="terminal")
        where.mkdir(parents=True, exist_ok=True)
        (where / "PROMPT.md").write_text(_prompt_md(p))
        for i, ph in enumerate(p.phases, 1):
            (where / phase_file(i, ph.name)).write_text(_heading(i, ph.name, ph.minutes) + "\n\n")
        (where / DIAGRAM).write_text("flowchart LR\n")
        (where / STATE).write_text(json.dumps({"session": sid, "prompt": p.key}) + "\n")
    console.print(f"[bold]{escape(p.title)}[/bold] · {p.minutes} minutes · session #{sid}")
    console.print(f"\n[italic]{escape(p.opening)}[/italic]\n")
    console.print(f"The workspace is in [bold]{escape(str(where))}[/bold]. The clock is running: "
                  f"{p.phases[0].name} first, {p.phases[0].minutes} minutes.")
    console.print('[dim]rounds design ask "..." · rounds design status · rounds design next · rounds design finish '
                  "(run them in the workspace, or pass it)[/dim]")


def _state(directory: Path) -> tuple[int, str]:
    path = directory / STATE
    if not path.exists():
        raise _fail(f"{directory} is not a design workspace (no {STATE}): run `rounds design start ID` first")
    try:
        data = json.loads(path.read_text())
        return int(data["session"]), str(data["prompt"])
    except (ValueError, KeyError, TypeError):
        raise _fail(f"{path} is damaged: it should hold the session's number and prompt") from None


Workspace = Annotated[Path, typer.Argument(metavar="[DIR]", help="the workspace (default: here)")]


# ---------------------------------------------------------------- during the round


@commands.command()
def ask(
    question: Annotated[str, typer.Argument(help="your clarifying question, in your own words")],
    directory: Workspace = Path("."),
) -> None:
    """Ask the interviewer a clarifying question; the answer is also written to clarify.md."""
    from rounds.services import design_practice as dp

    sid, _ = _state(directory)
    with _services() as db:
        a = dp.ask(sessions=db.sessions, session_id=sid, question=question)
    said = a.answer if a.answer.startswith("The interviewer would say") else f"The interviewer would say: {a.answer}"
    console.print(escape(said))
    with (directory / "clarify.md").open("a") as f:
        f.write(f"- **Q:** {a.question}\n  **A:** {a.answer}\n")


def _show_clock(v: Any) -> None:
    for n, ph in enumerate(v.phases, 1):
        mark = {"done": "done", "current": "now", "ahead": ""}[ph.state]
        over = " [red]over[/red]" if ph.over else ""
        console.print(f"  {n}. {ph.name:<13} {_clock(ph.spent_s):>6} / {ph.minutes}:00  {mark}{over}")
    if v.finished:
        if v.time_ran_out:
            console.print(f"[yellow]The time ran out{_at(v.finished_at)}: the round ended by itself after "
                          f"{_clock(v.spent_s)} ({v.prompt.minutes}:00 and the grace).[/yellow] "
                          "`rounds design finish` reads back the files written before the end and opens the rubric.")
        else:
            console.print(f"The round is over: {_clock(v.spent_s)} of {v.prompt.minutes}:00.")
        return
    left = v.remaining_s
    if left >= 0:
        console.print(f"[bold]{v.phase}[/bold]: {_clock(left)} left of {v.current.minutes}:00.")
    elif v.next_phase:
        console.print(f"[yellow]{v.phase} is {_clock(left)} over its {v.current.minutes} minutes: the interviewer "
                      f"would move you on to {v.next_phase} (`rounds design next`).[/yellow]")
    else:
        console.print("[yellow]Time is up: the interviewer would stop here (`rounds design finish`).[/yellow]")
    if v.spent_s > v.round_s:
        console.print(f"[yellow]The round's {v.prompt.minutes} minutes are up: it ends by itself"
                      f"{_at(v.ends_at)}. Save your files now.[/yellow]")


@commands.command()
def status(directory: Workspace = Path(".")) -> None:
    """The clock: each phase's time against its budget, the phase you are in and its time left."""
    from rounds.services import design_practice as dp

    sid, _ = _state(directory)
    with _services() as db:
        v = dp.view(sessions=db.sessions, session_id=sid)
    console.print(f"[bold]{escape(v.prompt.title)}[/bold] · session #{v.id}")
    _show_clock(v)


@commands.command("next")
def next_phase(directory: Workspace = Path(".")) -> None:
    """Move on to the next phase (after the last one, the round is over: run `rounds design finish`)."""
    from rounds.services import design_practice as dp

    sid, _ = _state(directory)
    with _services() as db:
        v = dp.next_phase(sessions=db.sessions, session_id=sid)
    _show_clock(v)


# ---------------------------------------------------------------- finish: the rubric step


def read_workspace(directory: Path, prompt: Any) -> tuple[dict[str, str], str]:
    """The notes per phase and the diagram, as the files hold them (the heading written at start left out)."""
    notes: dict[str, str] = {}
    for i, ph in enumerate(prompt.phases, 1):
        path = directory / phase_file(i, ph.name)
        if not path.exists():
            continue
        text = path.read_text()
        head = _heading(i, ph.name, ph.minutes)
        if text.startswith(head):
            text = text[len(head):]
        if text.strip():  # an empty file never wipes notes written in the browser
            notes[ph.name] = text.strip("\n")
    diagram_path = directory / DIAGRAM
    diagram = diagram_path.read_text() if diagram_path.exists() else ""
    return notes, diagram.strip() if diagram.strip() != "flowchart LR" else ""


def written_times(directory: Path, prompt: Any) -> dict[str, tuple[str, datetime]]:
    """When each workspace file was last written: phase name (or "diagram") -> (file name, time)."""
    files = {ph.name: phase_file(i, ph.name) for i, ph in enumerate(prompt.phases, 1)}
    files["diagram"] = DIAGRAM
    out = {}
    for key, name in files.items():
        path = directory / name
        if path.exists():
            out[key] = (name, datetime.fromtimestamp(path.stat().st_mtime, UTC))
    return out


def _before_the_end(directory: Path, v: Any, notes: dict[str, str], diagram: str) \
        -> tuple[dict[str, str], str, datetime | None]:
    """A round ended by its clock takes only the files last written before its end: the others are left out
    (said so; they stay in the workspace). Returns the notes, the diagram, and when the newest taken was written."""
    if not (v.time_ran_out and v.finished_at):
        return notes, diagram, None
    end = v.finished_at
    times = written_times(directory, v.prompt)
    late = {k: name for k, (name, at) in times.items() if at > end and (k in notes or (k == "diagram" and diagram))}
    for name in late.values():
        console.print(f"[yellow]{name} was changed after the time ran out{_at(end)}: it is not taken (the file "
                      "stays as it is; the session keeps what it had for it).[/yellow]")
    notes = {k: t for k, t in notes.items() if k not in late}
    diagram = "" if "diagram" in late else diagram
    taken = [at for k, (_n, at) in times.items() if k not in late and (k in notes or (k == "diagram" and diagram))]
    return notes, diagram, max(taken, default=end)


def _ask_mark(default: str) -> str:
    while True:
        typed = str(typer.prompt(f"your mark: covered, partly, missed [{default}]", default="", show_default=False,
                                 prompt_suffix=": ")).strip().lower()
        if not typed:
            return default
        if typed in MARK_WORDS:
            return MARK_WORDS[typed]
        console.print("[yellow]type c (covered), p (partly) or m (missed), or Enter for the mark shown[/yellow]")


def _reveal(v: Any) -> None:
    from rounds.services.design_practice import MARK_VALUE

    console.print(f"\n[bold]Covered: {round((v.score or 0) * 100)}% of the rubric[/bold] (partly counts half)")
    by: dict[str, list[float]] = {}
    for it in v.items:
        if it.mark:
            by.setdefault(it.item.signal, []).append(MARK_VALUE[it.mark])
    for sig, vals in sorted(by.items()):
        console.print(f"  {sig:<16} {round(100 * sum(vals) / len(vals)):>3}%")
    console.print("\n[bold]The reference outline[/bold]")
    for i, ph in enumerate(v.prompt.phases, 1):
        spent = v.phases[i - 1].spent_s
        console.print(f"\n[bold]{i}. {ph.name}[/bold] [dim]({ph.minutes} min budget, you spent {_clock(spent)})[/dim]")
        console.print(escape(ph.outline.strip()))
    console.print("\n[bold]What the interviewer asks next[/bold]")
    for n, q in enumerate(v.prompt.probes, 1):
        console.print(f"  {n}. {escape(q)}")
    console.print("\n[bold]Common pitfalls[/bold]")
    for q in v.prompt.pitfalls:
        console.print(f"  - {escape(q)}")


@commands.command()
def interview(directory: Workspace = Path(".")) -> None:
    """The optional model interviewer: it asks the prompt's probes and follows up on your notes (saved first).

    Needs ROUNDS_LLM_BASE_URL and ROUNDS_LLM_MODEL (see docs/design.md). Type your answer on one
    line; an empty line or q stops.
    """
    from rounds.services import design_interviewer as di
    from rounds.services import design_practice as dp

    sid, _ = _state(directory)
    if di.config() is None:
        raise _fail("no model is set up: set ROUNDS_LLM_BASE_URL and ROUNDS_LLM_MODEL (see docs/design.md)")
    with _services() as db:
        v = dp.view(sessions=db.sessions, session_id=sid)
        if v.finished:
            raise _fail(("the time ran out: " if v.time_ran_out else "") + "the round is over: the interviewer has "
                        "no more questions")
        notes, _diagram = read_workspace(directory, v.prompt)
        for phase, text in notes.items():
            dp.save_notes(sessions=db.sessions, session_id=sid, phase=phase, text=text)
        reply = ""
        while True:
            try:
                said = di.interviewer_says(sessions=db.sessions, session_id=sid, reply=reply)
            except di.ModelUnavailable as exc:
                console.print(f"[yellow]{escape(str(exc))}[/yellow]")
                return
            console.print(f"[bold]Interviewer:[/bold] {escape(said)}")
            reply = str(typer.prompt("you", default="", show_default=False, prompt_suffix=": ")).strip()
            if not reply or reply.lower() in {"q", "quit"}:
                return


def _proposals(sid: int, db: Database, use: bool) -> dict[str, Any]:
    """The optional grader's proposals, or none (it is off, or it failed: then the hint stands in)."""
    from rounds.services import design_interviewer as di

    if not use or di.config() is None:
        return {}
    console.print("[dim]asking the grader for proposed marks...[/dim]")
    try:
        return dict(di.propose_marks(sessions=db.sessions, session_id=sid))
    except di.ModelUnavailable as exc:
        console.print(f"[yellow]{escape(str(exc))}; the hint pre-fills the marks instead[/yellow]")
        return {}


@commands.command()
def finish(
    directory: Workspace = Path("."),
    grader: Annotated[bool, typer.Option(help="let the optional model grader propose the marks, where one is "
                                              "set up")] = True,
) -> None:
    """Read the workspace back, stop the clock, mark the rubric item by item, then see the reference.

    Each item shows the hint (which of its words your notes contain: a hint, not a grade) or, where
    a model grader is set up, its proposed mark with a quote from your notes; type c, p or m for
    covered, partly or missed, or Enter to take the mark shown.
    """
    from rounds.content.design import DesignHint
    from rounds.services import design_practice as dp

    sid, _ = _state(directory)
    with _services() as db:
        v = dp.view(sessions=db.sessions, session_id=sid)
        if not v.marked:
            notes, diagram = read_workspace(directory, v.prompt)
            if v.time_ran_out:
                console.print(f"[yellow]The time ran out{_at(v.finished_at)}: the clock ended the round. The notes "
                              "written before the end are kept.[/yellow]")
            notes, diagram, written_at = _before_the_end(directory, v, notes, diagram)
            v = dp.record_terminal(sessions=db.sessions, session_id=sid, notes=notes, diagram=diagram,
                                   written_at=written_at)
            written = sum(1 for t in notes.values() if t.strip())
            console.print(f"[bold]{escape(v.prompt.title)}[/bold] · session #{v.id} · {_clock(v.spent_s)} of "
                          f"{v.prompt.minutes}:00 · notes in {written} of {len(v.prompt.phases)} phases"
                          + (" and a diagram" if diagram else ""))
            proposals = _proposals(sid, db, grader)
            console.print(f"\n[bold]The rubric[/bold] [dim]({escape(DesignHint.label)})[/dim]")
            marks: dict[str, str] = {}
            proposed: dict[str, dict[str, str]] = {}
            for n, it in enumerate(v.items, 1):
                console.print(f"\n[bold]{n}/{len(v.items)}. {escape(it.item.item)}[/bold]")
                console.print(f"[dim]{it.item.signal} · {it.item.phase}[/dim]")
                if it.hinted:
                    console.print(f"  hint: your notes mention {escape(', '.join(it.matched))}")
                else:
                    console.print("  hint: no matching words in your notes")
                default = "covered" if it.hinted else "missed"
                pr = proposals.get(it.item.id)
                if pr is not None:
                    quote = f'"{pr.evidence}"' if pr.evidence else ("(its quote is not in your notes)"
                                                                     if pr.unsupported else "(no quote)")
                    console.print(f"  the grader proposes: {pr.mark} {escape(quote)}")
                    default = pr.mark
                    proposed[it.item.id] = {"mark": pr.mark, "evidence": pr.evidence}
                console.print(f"  [dim]senior: {escape(it.item.senior)}[/dim]")
                console.print(f"  [dim]staff: {escape(it.item.staff)}[/dim]")
                marks[it.item.id] = _ask_mark(default)
            v = dp.mark(sessions=db.sessions, session_id=sid, marks=marks, proposed=proposed)
        else:
            console.print(f"[bold]{escape(v.prompt.title)}[/bold] · session #{v.id} was marked already.")
    _reveal(v)
    console.print(f"\n[dim]The session is stored: the browser shows it at /design/sessions/{v.id}.[/dim]")


@commands.command()
def sessions(limit: Annotated[int, typer.Option(min=1, help="how many")] = 20) -> None:
    """Your design sessions, newest first, with where each stands."""
    from rounds.services import design_practice as dp

    with _services() as db:
        rows = dp.past_sessions(sessions=db.sessions, limit=limit)
    if not rows:
        console.print("No design session yet: `rounds design list`, then `rounds design start ID`.")
        return
    table = Table(show_edge=False, header_style="bold")
    for col in ("#", "prompt", "started", "time", "stands"):
        table.add_column(col)
    for r in rows:
        stands = {"reveal": f"marked, {round((r.score or 0) * 100)}% covered", "rubric": "to mark",
                  "clock": f"on the clock ({r.phase})"}[r.stage] + (" (time ran out)" if r.time_ran_out else "")
        table.add_row(str(r.id), r.prompt_id, f"{r.started_at:%Y-%m-%d %H:%M}", _clock(r.spent_s), stands)
    console.print(table)
