"""The `rounds` command line. Commands parse arguments and call services; nothing more."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from rounds.cli import cards, deck, importer, mutant, render, stats, stories, workspace
from rounds.cli import design as design_cli
from rounds.cli import loop as loop_cli
from rounds.cli import users as users_cli
from rounds.cli.order import LearnerFirst
from rounds.config import Settings, get_settings
from rounds.domain.verdict import Verdict

app = typer.Typer(
    name="rounds",
    help="Practise the machine-learning-engineer interview loop: real problems, hidden tests, a sandboxed judge.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=LearnerFirst,
)
console = Console()
err = Console(stderr=True)

EXIT_ACCEPTED, EXIT_REJECTED, EXIT_ERROR = 0, 1, 2


def _fail(msg: str) -> typer.Exit:
    err.print(f"[red]error:[/red] {msg}")
    return typer.Exit(EXIT_ERROR)


@app.command("list")
def list_problems(
    track: Annotated[str | None, typer.Option(help="oop, ml or algo")] = None,
    difficulty: Annotated[str | None, typer.Option(help="easy, medium or hard")] = None,
    tag: Annotated[str | None, typer.Option(help="a pattern tag, e.g. heap")] = None,
    company: Annotated[str | None, typer.Option(help="a company interviews are reported from")] = None,
    search: Annotated[str | None, typer.Option("--search", "-s", help="text in the id, title or tags")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="one JSON list on stdout")] = False,
) -> None:
    """Show the problem bank."""
    from rounds.content.catalog import catalog

    cat = catalog()
    problems = cat.filter(track=track, difficulty=difficulty, tag=tag, company=company, text=search)
    if as_json:
        print(json.dumps([render.problem_row(p) for p in problems], indent=1))
        return
    if not console.is_terminal:  # piped: one tab-separated line per problem, id first, never wrapped
        for p in problems:
            print(render.problem_tsv(p))
    else:
        render.problem_table(console, problems, title=f"{len(problems)} of {len(cat)} problems")
    for folder, why in cat.errors.items():
        err.print(f"[yellow]skipped {folder}:[/yellow] {why}")


@app.command()
def judge(
    problem_id: Annotated[str, typer.Argument(metavar="ID", help="problem id, e.g. algo/top-k-frequent")],
    files: Annotated[list[Path], typer.Argument(metavar="FILE...", help="solution files, judged in order (a "
                                                 "codebase: repository folders)")],
    level: Annotated[int | None, typer.Option(help="judge levels 1..N only")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print one JSON report per file, one per line")] = False,
    seed: Annotated[int, typer.Option(help="seed of the random hidden inputs")] = 0,
    feedback: Annotated[str, typer.Option(help="open, standard or blind")] = "standard",
    complexity: Annotated[bool, typer.Option("--complexity", help="when accepted, also measure growth on a size ladder")] = False,
) -> None:
    """Judge each FILE against the hidden tests, in order, on one warm sandbox.

    Exit 0 when every file is accepted, 1 when one is not, 2 on a usage error, an unreadable file
    or an internal error (the worst of all files).
    """
    from rounds.cli.codebase import phases, read_repository
    from rounds.services import judging

    try:
        batch = judging.open_batch(problem_id=problem_id, level=level, seed=seed, feedback=feedback,
                                   settings=get_settings(), complexity=complexity)
    except judging.JudgeUsageError as exc:
        raise _fail(str(exc)) from None
    many = len(files) > 1
    statuses: list[int] = []
    for file in files:
        if many and not as_json:
            console.rule(f"[bold]{file}[/bold]", align="left")
        try:  # a folder is a codebase's repository, submitted whole
            cb_dir = batch.problem.grader == "codebase" and file.is_dir()
            source = read_repository(file) if cb_dir else file.read_text(encoding="utf-8")
        except (OSError, ValueError) as exc:
            why = f"cannot read {file}: {exc}"
            err.print(f"[red]error:[/red] {why}")
            if as_json:
                print(json.dumps(_unread_json(problem_id, str(file), why, seed)), flush=True)
            statuses.append(EXIT_ERROR)
            continue
        report = batch.run(source, filename=str(file))
        if as_json:
            print(json.dumps({**report.to_json(), "file": str(file)}), flush=True)
        else:
            render.report(console, report)
            phases(console, report)
        verdict = report.verdict
        statuses.append(EXIT_ACCEPTED if verdict is Verdict.AC else EXIT_ERROR if verdict is Verdict.IE else EXIT_REJECTED)
    if many and not as_json:
        console.rule()
        console.print(f"{len(files)} files: {statuses.count(EXIT_ACCEPTED)} accepted, "
                      f"{statuses.count(EXIT_REJECTED)} rejected, {statuses.count(EXIT_ERROR)} errors (unreadable file or internal error)")
    raise typer.Exit(max(statuses))


def _unread_json(problem_id: str, file: str, why: str, seed: int) -> dict[str, object]:
    """The JSON line of a file that could not be read: the report's keys, with nothing judged."""
    return {"version": 3, "problem_id": problem_id, "status": "error", "verdict": None, "message": why,
            "highest_level_passed": 0, "score": None, "sandbox": "", "seed": seed, "levels": [], "tests": [],
            "complexity": None, "file": file}


@app.command()
def validate(
    ids: Annotated[list[str] | None, typer.Argument(metavar="[ID]...", help="problems to check (default: all)")] = None,
    track: Annotated[str | None, typer.Option(help="only this track")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="also show what killed each mutant")] = False,
) -> None:
    """Check problem packages: reference passes, mutants fail, examples agree, metadata complete."""
    from rounds.services import judging

    try:
        results, load_errors = judging.validate(ids=ids or [], track=track, settings=get_settings(),
                                                progress=lambda m: None)
    except judging.JudgeUsageError as exc:
        raise _fail(str(exc)) from None
    bad = 0
    for folder, why in load_errors.items():
        bad += 1
        console.print(f"[red]FAIL[/red] {folder}: {why}")
    for r in results:
        took = f"[dim]{r.seconds:.1f} s[/dim]"
        if r.ok:
            skipped = any("validate skips it" in n for n in r.notes)  # an imported task: its own tests decide
            console.print(f"[yellow]skipped[/yellow] {r.problem_id} {took}" if skipped
                          else f"[green]ok[/green]   {r.problem_id} {took}")
        else:
            bad += 1
            console.print(f"[red]FAIL[/red] {r.problem_id} {took}")
            for f in r.failures:
                console.print(f"       - {f}")
        if verbose:
            for n in r.notes:
                console.print(f"       · {n}", style="dim")
    checked = 0
    if not ids and track is None:  # the other rounds' content: cards, design prompts, behavioral bank
        for name, what, ok, failures, notes in _content_checks():
            checked += 1
            bad += not ok
            console.print(f"[green]ok[/green]   {name} ({what})" if ok else f"[red]FAIL[/red] {name}")
            for f in failures:
                console.print(f"       - {f}", markup=False)
            for n in notes:
                console.print(f"       · {n}", style="dim", markup=False)
    console.print(f"{len(results) + len(load_errors) + checked - bad} ok, {bad} failing")
    raise typer.Exit(EXIT_REJECTED if bad else EXIT_ACCEPTED)


def _content_checks() -> Iterator[tuple[str, str, bool, list[str], list[str]]]:
    """(name, what it holds, ok, failures, notes) for every file of content that is not a problem
    package: card decks (docs/cards.md), design prompts (docs/design.md), the behavioral bank
    (docs/behavioral.md), loop templates (docs/loops.md; a note names a round kind the catalog
    lacks, which a run marks missing)."""
    from rounds.content import behavioral, cards, design, loops

    for d in cards.validate_all():
        yield f"cards/{d.deck}", f"{d.cards} cards", d.ok, d.failures, []
    for p in design.validate_all():
        yield f"design/{p.prompt}", f"{p.rubric} rubric items", p.ok, p.failures, []
    for b in behavioral.validate_all():
        yield f"behavioral/{b.file}", f"{b.items} items", b.ok, b.failures, []
    lp = loops.load_loops()
    _, notes = loops.validate_all()
    for t in lp:
        mine = [n.split(": ", 1)[1] for n in notes if n.startswith(f"loops/{t.id}.toml: ")]
        yield f"loops/{t.id}", f"{len(t.rounds)} rounds", True, [], mine
    for name, errs in sorted(lp.failures.items()):
        yield f"loops/{name}", "", False, list(errs), []


@app.command()
def doctor() -> None:
    """Prove the sandbox holds on this machine (the self-test `rounds serve` runs at start)."""
    from rounds.judge import selftest

    results = selftest.run(get_settings())
    ok = render.selftest(console, results)
    raise typer.Exit(EXIT_ACCEPTED if ok else EXIT_REJECTED)


@app.command()
def bench(
    rounds_: Annotated[int, typer.Option("--rounds", help="submissions per scenario")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="print the figures as one JSON object")] = False,
) -> None:
    """Print the judge's figures: sandbox start, per-test overhead, latency p50/p95, throughput."""
    sys.path.insert(0, str(Path.cwd()))
    from rounds.judge import benchmark

    benchmark.main(rounds_, console, as_json=as_json)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="address to bind (default 127.0.0.1)")] = None,
    port: Annotated[int | None, typer.Option(help="port (default 8000)")] = None,
) -> None:
    """Open the practice pages in your browser: the web app on 127.0.0.1."""
    import uvicorn

    from rounds.judge.sandbox import SandboxUnavailable
    from rounds.web.app import create_app

    settings = get_settings()
    if host is not None or port is not None:
        settings = settings.model_copy(update={k: v for k, v in (("host", host), ("port", port)) if v is not None})
    why_not = exposure_refusal(settings)
    if why_not:
        raise _fail(why_not)
    from rounds.judge import selftest

    checks = selftest.run(settings)
    broken = [f"{name}: {detail}" for name, ok, detail in checks if not ok]
    if broken and settings.environment == "server":
        raise _fail("refusing to serve others: the sandbox self-test fails: " + "; ".join(broken))
    if broken:
        err.print("[yellow]sandbox self-test: " + "; ".join(broken) + "[/yellow]")
    else:
        console.print(f"sandbox self-test: all {len(checks)} checks hold")
    try:
        web = create_app(settings)
    except SandboxUnavailable as exc:
        raise _fail(f"refusing to serve: {exc}") from None
    if web.state.judge_mode == "process":
        from rounds.judge.factory import PROCESS_MODE_WARNING

        err.print(f"[yellow]{PROCESS_MODE_WARNING}[/yellow]")
    from rounds.logs import configure_logging

    configure_logging(settings)
    console.print(f"rounds is on [bold]http://{settings.host}:{settings.port}/[/bold] (Ctrl+C stops it)")
    uvicorn.run(web, host=settings.host, port=settings.port, log_level="warning", proxy_headers=False,
                server_header=False)


LOOPBACK = ("127.0.0.1", "localhost", "::1")


def exposure_refusal(settings: Settings) -> str | None:
    """Why ``rounds serve`` must not listen beyond this machine with these settings (None: it may)."""
    if settings.host in LOOPBACK or settings.host.startswith("127."):
        return None
    missing = []
    if not settings.accounts:
        missing.append("accounts (ROUNDS_ACCOUNTS=1: each person signs in, and sees only their own work)")
    if settings.sandbox == "process":
        missing.append("the bubblewrap sandbox (ROUNDS_SANDBOX=process judges without one)")
    else:
        from rounds.judge.sandbox import bwrap_works

        ok, why = bwrap_works()
        if not ok:
            missing.append(f"the bubblewrap sandbox ({why})")
    if not missing:
        return None
    return (f"refusing to listen on {settings.host}: other machines could reach this server, and it needs "
            + " and ".join(missing) + ". Serve on 127.0.0.1 for yourself alone; see docs/deploy.md for a server.")


@app.command()
def worker(
    concurrency: Annotated[int | None, typer.Option(
        "--concurrency", "-c", min=1, max=64, help="jobs judged at once (default ROUNDS_WORKERS)")] = None,
    name: Annotated[str | None, typer.Option(help="the worker's name in logs (default the host name)")] = None,
    drain: Annotated[bool, typer.Option("--drain", help="stop once the queue is empty")] = False,
    metrics_port: Annotated[int | None, typer.Option(
        "--metrics-port", min=1, max=65535, help="serve Prometheus metrics on this port (on ROUNDS_HOST)")] = None,
) -> None:
    """Judge submissions from the shared queue (a cohort server: ROUNDS_QUEUE=procrastinate on PostgreSQL)."""
    from rounds.judge.sandbox import SandboxUnavailable
    from rounds.logs import configure_logging
    from rounds.queue import jobs as q
    from rounds.queue import worker as w

    settings = get_settings()
    if settings.queue != "procrastinate":
        raise _fail("rounds worker judges from the shared queue: set ROUNDS_QUEUE=procrastinate and "
                    "ROUNDS_DATABASE_URL to the server's PostgreSQL database (see docs/deploy.md)")
    try:
        q.conninfo(settings)
        from rounds.judge.factory import choose_mode

        mode = choose_mode(settings)
    except (q.QueueUnavailable, SandboxUnavailable) as exc:
        raise _fail(f"refusing to start: {exc}") from None
    if settings.environment == "server":  # as `rounds serve`: strangers' code runs here
        from rounds.judge import selftest

        broken = [f"{n}: {d}" for n, ok, d in selftest.run(settings) if not ok]
        if broken:
            raise _fail("refusing to judge others' code: the sandbox self-test fails: " + "; ".join(broken))
    configure_logging(settings)
    if metrics_port:
        from prometheus_client import start_http_server

        start_http_server(metrics_port, addr=settings.host)
    n = concurrency or settings.workers
    console.print(f"rounds worker: judging up to {n} submission(s) at once in the {mode} sandbox (Ctrl+C stops it)")
    try:
        w.run(settings, concurrency=n, name=name, wait=not drain)
    except KeyboardInterrupt:
        pass


app.add_typer(workspace.commands)
app.add_typer(importer.commands, name="import")
app.add_typer(mutant.commands, name="mutant")
app.add_typer(stats.commands)
app.add_typer(cards.commands, name="cards")
app.add_typer(stories.commands, name="stories")
app.add_typer(deck.commands, name="deck")
app.add_typer(design_cli.commands, name="design")
app.add_typer(loop_cli.commands, name="loop")
app.add_typer(users_cli.commands, name="users")
app.command("today")(loop_cli.today)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
