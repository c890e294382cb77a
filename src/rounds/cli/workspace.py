"""Workspace commands: `rounds start`, `test`, `submit`, `status`.

A workspace is a folder holding solution.py, README.md (the statement unlocked so far),
examples.md and .rounds.json (the attempt it belongs to). The commands read and write those
files and call the attempt services; the attempt itself lives in the database, so it can be
continued in the browser.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from rounds.cli import codebase, render
from rounds.config import Settings, get_settings

if TYPE_CHECKING:
    from rounds.content.package import Problem
    from rounds.domain.verdict import Report, TestResult
    from rounds.services.views import AttemptDocuments, AttemptView, JudgedSubmission
    from rounds.storage.db import Database

commands = typer.Typer()
console = Console()
err = Console(stderr=True)

WORKSPACE_FILE = ".rounds.json"
SOLUTION = "solution.py"
EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


class ModeChoice(StrEnum):
    practice = "practice"
    full = "full"
    drill = "drill"


class FeedbackChoice(StrEnum):
    open = "open"
    standard = "standard"
    blind = "blind"


PathArg = Annotated[Path, typer.Argument(help="the workspace folder (or a file in it)")]
ForceOpt = Annotated[bool, typer.Option("--force", help="use solution.py even if the attempt's code changed elsewhere")]


def _fail(msg: str) -> typer.Exit:
    err.print(f"[red]error:[/red] {msg}")
    return typer.Exit(EXIT_ERROR)


@contextmanager
def _services() -> Iterator[tuple[Settings, Database]]:
    """Settings and database, turning every service error into a clear message and exit 2."""
    from rounds.services.errors import ServiceError
    from rounds.storage.db import database

    settings = get_settings()
    try:
        yield settings, database(settings)
    except ServiceError as exc:
        raise _fail(str(exc)) from None


@commands.command()
def start(
    problem_id: Annotated[str, typer.Argument(metavar="ID", help="problem id, e.g. algo/course-schedule-ii")],
    directory: Annotated[Path | None, typer.Option("--dir", help="where to write the workspace (default: ./<slug>)")] = None,
    mode: Annotated[ModeChoice | None, typer.Option(help="practice (default): no deadline; the clock counts up "
                                                    "against the problem's guide. full: the whole problem against "
                                                    "a clock that never pauses (90 minutes for a multi-level "
                                                    "system). drill: one level against a 30-minute clock that "
                                                    "never pauses")] = None,
    level: Annotated[int | None, typer.Option(help="drill mode: the level to drill (default 1)")] = None,
    feedback: Annotated[FeedbackChoice | None, typer.Option(help="open, standard (default) or blind: how much a "
                                                            "failing hidden test shows")] = None,
    new: Annotated[bool, typer.Option("--new", help="start a fresh attempt even if one at this problem is "
                                      "active (the active one stays open)")] = False,
    minutes: Annotated[int | None, typer.Option(help="full or drill mode: a clock of this many minutes instead "
                                                "(e.g. --mode drill --minutes 15 for a warm-up)")] = None,
) -> None:
    """Start an attempt, or resume the active one at this problem, and write its workspace."""
    from rounds.services import attempts

    with _services() as (settings, db):
        problem = attempts.get_problem(problem_id)
        target = directory if directory is not None else Path.cwd() / problem.slug
        active = attempts.active_attempt(sessions=db.sessions, problem_id=problem.id)
        if active is not None and not new:
            asked = [f"--{k} {v}" for k, v, have in (("mode", mode, active.mode), ("feedback", feedback, active.feedback))
                     if v is not None and v.value != have]
            if level is not None and (active.mode != "drill" or level != active.target_level):
                asked.append(f"--level {level}")
            if minutes is not None:
                asked.append(f"--minutes {minutes}")
            if asked:
                raise _fail(f"attempt {active.id} at {problem.id} is active ({active.mode} mode, {active.feedback} "
                            f"feedback); `rounds start {problem.id}` resumes it. Add --new to start an attempt with "
                            f"{' '.join(asked)} beside it.")
        if (target / WORKSPACE_FILE).exists() and active is not None and not new:
            old = _read_meta(target / WORKSPACE_FILE)
            if old.get("attempt_uid") == active.uid:
                console.print(f"{target} is already the workspace of attempt {active.id}; "
                              f"`{_cmd('status')}` there shows where it stands.")
                return
        for name in (WORKSPACE_FILE, SOLUTION):
            if (target / name).exists():
                raise _fail(f"{target} already holds {name}; choose another folder with --dir")
        if problem.grader == "codebase" and (why := codebase.occupied(target)):
            raise _fail(why)
        if target.exists() and not target.is_dir():
            raise _fail(f"{target} exists and is not a folder")
        if active is not None and not new:
            view = attempts.attempt_status(sessions=db.sessions, attempt_id=active.id)
            resumed = True
        else:
            view = attempts.start_attempt(sessions=db.sessions, problem_id=problem.id,
                                          mode=(mode or ModeChoice.practice).value,
                                          feedback=(feedback or FeedbackChoice.standard).value, level=level,
                                          minutes=minutes)
            resumed = False
        docs = attempts.attempt_documents(sessions=db.sessions, attempt_id=view.id)
    target.mkdir(parents=True, exist_ok=True)
    code = view.code if resumed else docs.starter
    git_note = ""
    if problem.grader == "codebase":  # the workspace is the repository, a git repository with one commit
        codebase.write_repository(target, docs.starter)  # the commit is the starting repository, even when
        _write_docs(target, view, docs)                  # resuming: the saved code is a diff against it
        git_note = codebase.git_init(target)
        if code != docs.starter:
            codebase.write_repository(target, code, replacing=docs.starter)
    else:
        (target / SOLUTION).write_text(code, encoding="utf-8")
        _copy_task_files(problem, target, view.level)
        _write_docs(target, view, docs)
    meta = {"attempt_id": view.id, "attempt_uid": view.uid, "problem_id": view.problem_id}
    _save_meta(target, meta, level=view.level, code=code)
    verb = "Resumed" if resumed else "Started"
    console.print(f"{verb} attempt {view.id} at [bold]{view.title}[/bold] ({_mode_text(view)}; "
                  f"{view.feedback} feedback). {_clock_line(view)}", soft_wrap=True)
    if resumed:
        console.print(f"{SOLUTION} holds the attempt's code as last saved ({view.code_saved_at:%H:%M} UTC). "
                      "Add --new to start a fresh attempt instead.", soft_wrap=True)
    elif active is not None:
        keeps = ("its clock keeps running until its deadline" if active.deadline is not None
                 else "it has no deadline")
        console.print(f"Attempt {active.id} ({active.mode} mode) stays open beside it: {keeps}; "
                      f"it is at {_url(settings, problem.id, active.id)}", soft_wrap=True)
    console.print(f"In the browser: {_url(settings, problem.id, view.id)}", soft_wrap=True)
    if problem.grader == "codebase":
        console.print(f"Workspace: {target}, {git_note}.\n  read {codebase.TASK}, fix and complete the repository, "
                      f"write {codebase.EXPLANATION}, then `{_cmd('test')}`, `{_cmd('submit')}`, "
                      f"`{_cmd('status')}` in that folder.", soft_wrap=True)
    else:
        console.print(f"Workspace: {target}\n  edit {SOLUTION}, read README.md and examples.md, then "
                      f"`{_cmd('test')}`, `{_cmd('submit')}`, `{_cmd('status')}` in that folder.", soft_wrap=True)
    if hint := _path_hint():
        console.print(hint.strip(), soft_wrap=True, markup=False)


def _mode_text(view: AttemptView) -> str:
    from rounds.domain.attempt import describe_mode

    return describe_mode(view.mode, view.budget_minutes)


def _url(settings: Settings, problem_id: str, attempt_id: int) -> str:
    return f"http://{settings.host}:{settings.port}/p/{problem_id}?attempt={attempt_id}"


def _cmd(sub: str) -> str:
    """`rounds <sub>` as the user can type it: plain when rounds is on PATH, else the full path."""
    import shutil
    import sys

    found = shutil.which("rounds")
    here = Path(sys.executable).with_name("rounds")
    if found or not here.exists():
        return f"rounds {sub}"
    return f"{here} {sub}"


def _path_hint() -> str:
    """When `rounds` is not on PATH: how to put it there (the commands above work as printed anyway)."""
    if not _cmd("x").startswith("/"):
        return ""
    return (f"`rounds` is not on your PATH, so the commands above use its full path; "
            f"`{_cmd('shell-setup')}` shows the line that puts it there.\n\n")


def _read_meta(path: Path) -> dict[str, Any]:
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}


@commands.command("test")
def test_cmd(
    path: PathArg = Path("."),
    case: Annotated[list[str] | None, typer.Option("--case", help="your own input as Python literals, e.g. "
                                                    "--case '3, [[1, 0]]'; repeat for more")] = None,
    force: ForceOpt = False,
) -> None:
    """Run solution.py on the visible examples (and --case inputs). Exit 0 when all pass."""
    from rounds.services import submissions

    folder, meta = _workspace(path)
    if case and codebase.is_codebase_id(str(meta.get("problem_id", ""))):
        raise _fail("--case is not available for a codebase: add a test to the repository's tests/ instead")
    with _services() as (settings, db):
        _recover(settings, db)
        attempt_id, code = _sync(db, folder, meta, force=force)
        with _progress("running examples") as on_result:
            out = submissions.run_examples(sessions=db.sessions, settings=settings, attempt_id=attempt_id,
                                           code=code, custom=case or [], on_result=on_result)
    _save_meta(folder, meta, code=code)
    report = out.submission.report
    assert report is not None
    render.report(console, report)
    codebase.phases(console, report)
    raise typer.Exit(EXIT_OK if report.accepted else EXIT_FAILED)


@commands.command("submit")
def submit_cmd(path: PathArg = Path("."), force: ForceOpt = False) -> None:
    """Judge solution.py on the hidden tests of the open level; a pass unlocks the next level."""
    from rounds.services import attempts, submissions

    folder, meta = _workspace(path)
    with _services() as (settings, db):
        _recover(settings, db)
        attempt_id, code = _sync(db, folder, meta, force=force)
        with _progress("judging hidden tests") as on_result:
            out = submissions.submit(sessions=db.sessions, settings=settings, attempt_id=attempt_id, code=code,
                                     on_result=on_result)
        docs = (attempts.attempt_documents(sessions=db.sessions, attempt_id=attempt_id)
                if out.unlocked or out.completed else None)
    report = out.submission.report
    assert report is not None
    render.report(console, report)
    codebase.phases(console, report)
    _best_stands(out)
    _after_submit(folder, out, docs)
    _save_meta(folder, meta, level=out.attempt.level, code=code)
    raise typer.Exit(EXIT_OK if report.accepted else EXIT_FAILED)


@commands.command()
def status(
    path: PathArg = Path("."),
    as_json: Annotated[bool, typer.Option("--json", help="one JSON object on stdout")] = False,
) -> None:
    """Show the attempt: clock against its budget, levels, runs per level, last verdicts."""
    from rounds.services import attempts

    folder, meta = _workspace(path)
    with _services() as (settings, db):
        _recover(settings, db)
        attempt_id, _code = _sync(db, folder, meta, force=False, quiet=as_json)
        view = attempts.attempt_status(sessions=db.sessions, attempt_id=attempt_id)
        last = _last_submitted(db, view) if codebase.is_codebase_id(view.problem_id) else None
    if as_json:
        data = _status_json(view)
        if codebase.is_codebase_id(view.problem_id):
            data["phases"] = codebase.phases_json(last)
        print(json.dumps(data, indent=1))
        return
    _print_status(view)
    if last is not None:
        console.print(f"Phases of the last submission ({last.problem_id}):")
        codebase.phases(console, last)


# Workspace files.

def _workspace(path: Path) -> tuple[Path, dict[str, Any]]:
    folder = path if path.is_dir() else path.parent
    meta_path = folder / WORKSPACE_FILE
    if not meta_path.exists():
        hint = "" if path.exists() else f" ({path} does not exist)"
        raise _fail(f"no rounds workspace at {folder.resolve()}{hint}: {WORKSPACE_FILE} is missing. "
                    "Start one with `rounds start ID`, or pass the workspace folder.")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        int(meta["attempt_id"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise _fail(f"{meta_path} is damaged ({type(exc).__name__}: {exc}); start a new workspace") from None
    return folder, meta


def _solution(folder: Path, meta: dict[str, Any] | None = None) -> str:
    if meta is not None and codebase.is_codebase_id(str(meta.get("problem_id", ""))):
        from rounds.content.codebase import RepoError

        try:  # a codebase: the whole repository is the code
            return codebase.read_repository(folder)
        except (OSError, RepoError) as exc:
            raise _fail(f"the repository in {folder} cannot be submitted: {exc}") from None
    try:
        return (folder / SOLUTION).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(f"cannot read {folder / SOLUTION}: {exc}") from None


def _write_code(folder: Path, meta: dict[str, Any], code: str) -> None:
    """The attempt's code, saved elsewhere, into the workspace."""
    if codebase.is_codebase_id(str(meta.get("problem_id", ""))):
        codebase.write_repository(folder, code, replacing=_solution(folder, meta))
    else:
        (folder / SOLUTION).write_text(code, encoding="utf-8")


def _last_submitted(db: Database, view: AttemptView) -> Report | None:
    """The report of the attempt's latest judged submission (its phases, for a codebase)."""
    from rounds.services import submissions

    for s in view.recent:
        if s.kind == "submit" and s.status == "done":
            return submissions.get_submission(sessions=db.sessions, submission_id=s.id).report
    return None


def _attempt(db: Database, meta: dict[str, Any]) -> AttemptView:
    from rounds.services import attempts
    from rounds.services.errors import AttemptNotFound

    attempt_id = int(meta["attempt_id"])
    try:
        view = attempts.attempt_status(sessions=db.sessions, attempt_id=attempt_id)
    except AttemptNotFound:
        view = None
    if view is None or view.uid != meta.get("attempt_uid"):
        raise _fail(f"attempt {attempt_id} of this workspace is not in the database at {get_settings().db_url}; "
                    "was it made with another ROUNDS_DATA_DIR or ROUNDS_DATABASE_URL?")
    return view


def _digest(code: str) -> str:
    return hashlib.sha256(code.encode("utf-8", "replace")).hexdigest()


def _copy_task_files(problem: Problem, target: Path, level: int) -> list[str]:
    """An imported task's own modules and the test files of levels 1..level, so solution.py runs in
    the workspace too; a later level's tests arrive when it unlocks. Returns the files written."""
    if problem.grader != "unittest":
        return []
    import re

    from rounds.judge.graders.unittests import TASK_DIR, spec

    root = problem.root / TASK_DIR
    task = spec(problem)
    candidates = [str(f) for f in task.get("levels", [])] + [str(p.relative_to(root)) for p in
                                                              sorted((root / "tests").glob("*.py"))]
    tests = [rel for rel in dict.fromkeys(candidates)
             if not (m := re.search(r"level_?(\d+)", Path(rel).name)) or int(m.group(1)) <= level]
    written = []
    for rel in [str(f) for f in task.get("files", [])] + tests:
        dest = target / rel
        if not dest.exists():
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text((root / rel).read_text(encoding="utf-8"), encoding="utf-8")
            written.append(rel)
    return written


def _save_meta(folder: Path, meta: dict[str, Any], *, code: str | None, level: int | None = None) -> None:
    """Remember the code the workspace and the attempt last agreed on, and the level written."""
    if code is not None:
        meta["synced"] = _digest(code)
    if level is not None:
        meta["level"] = level
    (folder / WORKSPACE_FILE).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


def _sync(db: Database, folder: Path, meta: dict[str, Any], *, force: bool, quiet: bool = False) -> tuple[int, str]:
    """Bring the workspace up to date with its attempt, which may have moved on in the browser.

    Returns the attempt id and the code to judge. solution.py wins when only it changed since the
    last sync; the attempt's code wins (and is written to solution.py) when only it changed;
    when both changed, refuse unless --force.
    """
    from rounds.services import attempts

    view = _attempt(db, meta)
    code = _solution(folder, meta)
    synced = meta.get("synced")
    say = err.print if not quiet else (lambda *_a, **_k: None)
    if code != view.code and synced is not None and _digest(view.code) != synced:
        if _digest(code) == synced:
            _write_code(folder, meta, view.code)
            say(f"{_code_name(meta)} now holds the attempt's code saved elsewhere (e.g. in the browser) at "
                f"{view.code_saved_at:%H:%M} UTC.")
            code = view.code
        elif not force:
            raise _fail(f"{_code_name(meta)} and the attempt's code (saved elsewhere, e.g. in the browser, at "
                        f"{view.code_saved_at:%H:%M} UTC) both changed since this workspace last synced. "
                        f"Run again with --force to use {_code_name(meta)}, or copy what you need from the browser "
                        "first.")
    if view.level != meta.get("level", view.level):
        _write_docs(folder, view, attempts.attempt_documents(sessions=db.sessions, attempt_id=view.id))
        say(f"Level {view.level} is open: README.md and examples.md are up to date.")
    _save_meta(folder, meta, code=code if code == view.code else None, level=view.level)
    return view.id, code


def _code_name(meta: dict[str, Any]) -> str:
    return "the repository" if codebase.is_codebase_id(str(meta.get("problem_id", ""))) else SOLUTION


def _write_docs(folder: Path, view: AttemptView, docs: AttemptDocuments) -> None:
    if codebase.is_codebase_id(view.problem_id):  # the repository keeps its own README.md
        from rounds.services.attempts import get_problem

        steps = (f"- `{_cmd('test')}` runs the repository's own tests (tests/test_*.py);\n"
                 f"- `{_cmd('submit')}` grades the whole repository in phases: the visible tests, hidden tests of "
                 "the intended behaviour, the benchmark's tier, and your explanation;\n"
                 f"- `{_cmd('status')}` shows the clock, the runs and the phases of the last submission.\n")
        text = codebase.task_text(get_problem(view.problem_id), f"`{view.problem_id}`, {_mode_text(view)}; "
                                  f"{view.feedback} feedback. {_clock_line(view)}", steps, docs.statement)
        (folder / codebase.TASK).write_text(text, encoding="utf-8")
        return
    level = f"level {view.level} of {view.levels}" if view.levels > 1 else "one level"
    if docs.imported:  # an imported task: its own test files are the tests, all visible; no reference
        steps = (f"- `{_cmd('test')}` runs the task's own test files of the unlocked levels (examples.md shows "
                 "them; with no reference solution, `--case` is not available);\n"
                 f"- `{_cmd('submit')}` runs the same test files and records the result; passing every test of a "
                 "level unlocks the next one here, with its test file;\n")
    else:
        steps = (f"- `{_cmd('test')}` runs the visible examples (examples.md); `--case '...'` adds your own "
                 "inputs;\n"
                 f"- `{_cmd('submit')}` runs the hidden tests; passing a level unlocks the next one here;\n")
    readme = (
        f"# {docs.title}\n\n"
        f"`{view.problem_id}`, {_mode_text(view)}; {view.feedback} feedback, {level}. {_clock_line(view)}\n\n"
        f"Edit `{SOLUTION}`, then in this folder:\n\n"
        f"{steps}"
        f"- `{_cmd('status')}` shows the clock, the levels and the verdicts so far.\n\n"
        f"{_path_hint()}"
        "<!-- rounds rewrites this file when a level unlocks. -->\n\n"
        f"{docs.statement.rstrip()}\n"
    )
    (folder / "README.md").write_text(readme, encoding="utf-8")
    (folder / "examples.md").write_text(docs.examples, encoding="utf-8")


def _best_stands(out: JudgedSubmission) -> None:
    """A lower score never replaces the attempt's best: say so plainly."""
    mine, best = out.submission.score, out.attempt.score
    done_before = out.attempt.status == "completed" and not out.completed
    if mine is not None and best is not None and best > mine:
        tail = (": the attempt is already complete, so later submissions are practice; `rounds start --new` "
                "scores afresh" if done_before else "")
        console.print(f"This submission scored {mine}; the attempt's best score, {best} of 600, stands{tail}.",
                      soft_wrap=True)
    elif done_before:
        console.print(f"The attempt was already complete; its best score, {best} of 600, stands.", soft_wrap=True)


def _unlock_material(folder: Path, level: int) -> None:
    """A level's material arrives when it unlocks: its stubs in solution.py, its test files."""
    from rounds.content.starters import add_stubs
    from rounds.services import attempts

    meta = _read_meta(folder / WORKSPACE_FILE)
    try:
        problem = attempts.get_problem(str(meta.get("problem_id", "")))
    except Exception:
        return
    code = _solution(folder)
    grown = add_stubs(code, problem, level)
    if grown is not None:
        (folder / SOLUTION).write_text(grown, encoding="utf-8")
        console.print(f"{SOLUTION} gains the stubs of level {level}'s methods (at the end of {problem.entry}).")
    added = _copy_task_files(problem, folder, level)
    if added:
        console.print(f"Level {level}'s test files are in the workspace: {', '.join(added)}.")


def _after_submit(folder: Path, out: JudgedSubmission, docs: AttemptDocuments | None) -> None:
    view = out.attempt
    for n in out.newly_passed:
        console.print(f"[green]Level {n} passed.[/green]")
    if out.unlocked and docs is not None:
        _write_docs(folder, view, docs)
        title = next(lv.title for lv in view.level_views if lv.number == out.unlocked)
        console.print(f"Level {out.unlocked} unlocked: [bold]{title}[/bold]. README.md and examples.md "
                      "now hold its statement and examples.")
        _unlock_material(folder, out.unlocked)
    if out.completed:
        console.print(f"[green]Attempt complete[/green]: score {view.score} of 600. {_clock_line(view)}")
        if docs is not None and docs.editorial:
            (folder / "editorial.md").write_text(docs.editorial, encoding="utf-8")
            console.print("The editorial is in editorial.md: approach, traps, complexity, follow-ups.")


# Output.

@contextmanager
def _progress(what: str) -> Iterator[Any]:
    counts = {"done": 0, "failed": 0}
    with console.status(f"{what}...") as live:
        def on_result(t: TestResult) -> None:
            counts["done"] += 1
            counts["failed"] += not t.passed
            live.update(f"{what}: {counts['done']} done, {counts['failed']} failed")

        yield on_result


def _recover(settings: Settings, db: Database) -> None:
    from rounds.services.submissions import recover_interrupted

    rec = recover_interrupted(sessions=db.sessions, settings=settings)
    if rec.rejudged:
        err.print(f"[dim]judged {len(rec.rejudged)} submission(s) left unjudged by an interrupted run[/dim]")
    if rec.failed:
        err.print(f"[yellow]{len(rec.failed)} interrupted submission(s) could not be judged (marked IE)[/yellow]")


def _clock_line(view: AttemptView) -> str:
    from rounds.domain.attempt import fmt_duration

    c = view.clock
    budget = fmt_duration(c.budget)
    if view.status == "completed":
        return f"Completed in {fmt_duration(c.elapsed)} (budget {budget}); the clock has stopped."
    if c.deadline is None:
        return f"Elapsed {fmt_duration(c.elapsed)} of a {budget} guide (no deadline)."
    if c.expired:
        return f"The {budget} clock ran out at {c.deadline:%H:%M} UTC."
    return f"Clock: {fmt_duration(c.elapsed)} used of {budget}, {fmt_duration(c.remaining)} left (it does not pause)."


def _print_status(view: AttemptView) -> None:
    from rounds.domain.attempt import fmt_duration

    console.print(f"[bold]{view.title}[/bold] ({view.problem_id}), attempt {view.id}: {view.status}; "
                  f"{_mode_text(view)}; {view.feedback} feedback", soft_wrap=True)
    console.print(_clock_line(view), soft_wrap=True)
    score = f", best score {view.score} of 600" if view.score is not None else ""
    if view.levels_passed >= view.target_level:
        console.print(f"All {view.target_level} level(s) in scope passed{score}.", soft_wrap=True)
    else:
        console.print(f"Level {view.level} open, {view.levels_passed} of {view.target_level} passed{score}.", soft_wrap=True)
    level_cols = ("level", "title", "state", "published", "time spent", "runs", "submits", "last verdict")
    level_rows = [[str(lv.number), lv.title, lv.state, f"{lv.minutes} min",
                   fmt_duration(lv.time_spent) if lv.time_spent is not None else "-", str(lv.runs),
                   str(lv.submits), lv.last_verdict or "-"] for lv in view.level_views]
    recent_cols = ("id", "kind", "level", "status", "verdict", "tests", "score", "at (UTC)")
    recent_rows = [[str(s.id), s.kind, str(s.level), s.status, s.verdict or "-",
                    f"{s.tests_passed}/{s.tests_total}" if s.tests_total is not None else "-",
                    str(s.score) if s.score is not None else "-", f"{s.created_at:%H:%M:%S}"] for s in view.recent]
    if not console.is_terminal:  # piped: tab-separated lines, never wrapped
        print("\nlevels\n" + render.tsv(level_cols, level_rows))
        if recent_rows:
            print("\nrecent runs and submissions\n" + render.tsv(recent_cols, recent_rows))
        return
    table = Table(title="levels")
    for col in level_cols:
        # Headers and short cells never wrap; the title folds when the terminal is narrow.
        table.add_column(col, overflow="fold", no_wrap=col != "title", min_width=len(col) if col != "title" else 8)
    for row in level_rows:
        table.add_row(*row)
    console.print(table)
    if recent_rows:
        sub = Table(title="recent runs and submissions")
        for col in recent_cols:
            sub.add_column(col, no_wrap=True)
        for row in recent_rows:
            sub.add_row(*row)
        console.print(sub)


def _status_json(view: AttemptView) -> dict[str, Any]:
    def iso(d: Any) -> Any:
        return d.isoformat() if d is not None else None

    return {
        "attempt_id": view.id, "problem_id": view.problem_id, "title": view.title, "mode": view.mode,
        "feedback": view.feedback, "status": view.status, "level": view.level, "levels": view.levels,
        "levels_passed": view.levels_passed, "score": view.score, "assisted": view.assisted, "hints_used": view.hints_used,
        "started_at": iso(view.started_at),
        "deadline": iso(view.deadline), "budget_minutes": view.budget_minutes,
        "elapsed_s": int(view.clock.elapsed.total_seconds()), "remaining_s": int(view.clock.remaining.total_seconds()),
        "levels_detail": [
            {"level": lv.number, "title": lv.title, "state": lv.state, "minutes": lv.minutes, "runs": lv.runs,
             "submits": lv.submits, "last_verdict": lv.last_verdict,
             "time_spent_s": int(lv.time_spent.total_seconds()) if lv.time_spent is not None else None}
            for lv in view.level_views
        ],
        "recent": [
            {"id": s.id, "kind": s.kind, "level": s.level, "status": s.status, "verdict": s.verdict,
             "tests_passed": s.tests_passed, "tests_total": s.tests_total, "score": s.score,
             "created_at": iso(s.created_at)}
            for s in view.recent
        ],
    }
