"""`rounds mutant`: write, save and read a problem's mutants (patches against its reference)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

if TYPE_CHECKING:
    from rounds.content.mutants import Mutant
    from rounds.content.package import Problem

commands = typer.Typer(name="mutant", no_args_is_help=True,
                       help="Author a problem's mutants: wrong solutions kept as patches against its reference.")
console = Console()
err = Console(stderr=True)

MARK = "# rounds mutant: "  # first line of a scratch file: "# rounds mutant: <problem id> <name>"
NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def _fail(msg: str) -> typer.Exit:
    err.print(f"[red]error:[/red] {msg}", highlight=False)
    return typer.Exit(2)


def _problem(pid: str) -> Problem:
    from rounds.content.catalog import UnknownProblem, catalog

    try:
        p = catalog().get(pid)
    except UnknownProblem as exc:
        raise _fail(str(exc)) from None
    if not p.reference_path.exists() and p.grader != "codebase":
        raise _fail(f"{pid} has no reference.py, so it has no mutants (an imported task?)")
    return p


def _codebase_mutant(p: Problem, name: str) -> str:
    """A codebase mutant's patch and the files it changes, patched (multi-file patches)."""
    from rounds.content import codebase as cb
    from rounds.content.mutants import MutantError

    for m in cb.load_codebase_mutants(p):
        if m.name == name:
            try:
                repo, ref = cb.mutant_repo(p, m), cb.reference_repo(p)
            except MutantError as exc:
                raise _fail(str(exc)) from None
            return "".join(f"==> {path} <==\n{repo[path]}" for path in sorted(repo) if repo[path] != ref.get(path))
    have = ", ".join(m.name for m in cb.load_codebase_mutants(p)) or "none yet"
    raise _fail(f"{p.id} has no mutant '{name}' (its mutants: {have})")


def _mutant(pid: str, name: str) -> tuple[Problem, Mutant]:
    p = _problem(pid)
    for m in p.mutants():
        if m.name == name:
            return p, m
    have = ", ".join(m.name for m in p.mutants()) or "none yet"
    raise _fail(f"{pid} has no mutant '{name}' (its mutants: {have})")


def _source(m: Mutant) -> str:
    from rounds.content.mutants import MutantError

    try:
        return m.source
    except MutantError as exc:
        raise _fail(str(exc)) from None


@commands.command("new")
def new(
    problem_id: Annotated[str, typer.Argument(metavar="PROBLEM", help="problem id, e.g. algo/coin-change")],
    name: Annotated[str, typer.Argument(help="what the mutant gets wrong, in snake_case: greedy_largest_first")],
    folder: Annotated[Path, typer.Option("--dir", help="where to write the scratch file")] = Path("."),
    force: Annotated[bool, typer.Option("--force", help="overwrite a scratch file of the same name")] = False,
) -> None:
    """Write NAME.py here: the reference (or the mutant NAME) to plant the mistake in.

    `rounds mutant save` turns it into mutants/NAME.patch."""
    from rounds.content.mutants import strip_header

    if not NAME.match(name):
        raise _fail(f"'{name}' is not a mutant name: lower-case letters, digits and _, e.g. off_by_one")
    p = _problem(problem_id)
    if p.grader == "codebase":
        raise _fail(f"{p.id} is a codebase: its mutants are multi-file patches against the reference repository, "
                    "written with git (a copy of the reference repository, one mistake, `git diff`) and a header "
                    "with '# expect:'; see docs/codebase.md")
    existing = next((m for m in p.mutants() if m.name == name), None)
    if existing is None:
        body = p.reference_source
    else:  # a whole file starts without its header: save keeps the header apart
        body = _source(existing) if existing.is_patch else strip_header(existing.text)
    out = folder / f"{name}.py"
    if out.exists() and not force:
        raise _fail(f"{out} exists; edit it and run `rounds mutant save {out}`, or pass --force to start again")
    folder.mkdir(parents=True, exist_ok=True)
    out.write_text(f"{MARK}{p.id} {name}\n{body}", encoding="utf-8")
    what = f"mutant {existing.file_name}" if existing else "the reference"
    console.print(f"Wrote {out}: {what} of {p.id}. Plant one realistic mistake, then run "
                  f"`rounds mutant save {out} --trap '...' --models '...'`.", highlight=False)


def _scratch(file: Path | None) -> Path:
    if file is not None:
        return file
    found = [f for f in sorted(Path(".").glob("*.py")) if _marked(f)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise _fail("no scratch file here: name one, or start with `rounds mutant new PROBLEM NAME`")
    raise _fail("several scratch files here (" + ", ".join(f.name for f in found) + "): name the one to save")


def _marked(f: Path) -> str | None:
    try:
        with f.open(encoding="utf-8") as fh:
            first = fh.readline()
    except (OSError, UnicodeDecodeError):
        return None
    return first[len(MARK):].strip() if first.startswith(MARK) else None


@commands.command("save")
def save(
    file: Annotated[Path | None, typer.Argument(help="the scratch file (default: the one in this folder)")] = None,
    trap: Annotated[str | None, typer.Option(help="the trap it encodes, e.g. 'an equal day is not warmer'")] = None,
    models: Annotated[str | None, typer.Option(help="the realistic mistake it models, e.g. 'pops on >= instead of >'")] = None,
    caught_by: Annotated[str | None, typer.Option("--caught-by", help="hidden tests that must reject it: 'test 1.4; test 2.1'")] = None,
) -> None:
    """Write the scratch file as mutants/NAME.patch: its header, then the diff from the reference."""
    from rounds.content.mutants import PATCH, MutantError, apply_patch, make_patch

    path = _scratch(file)
    marked = _marked(path)
    if not marked or len(marked.split()) != 2:
        raise _fail(f"{path} does not start with '{MARK}PROBLEM NAME': make it with `rounds mutant new`")
    pid, name = marked.split()
    p = _problem(pid)
    body = path.read_text(encoding="utf-8").partition("\n")[2]
    try:
        compile(body, path.name, "exec")
    except SyntaxError as exc:
        raise _fail(f"{path} does not compile (line {exc.lineno}: {exc.msg}): a mutant must run to be worth catching") from None
    ref = p.reference_source
    if body.rstrip("\n") == ref.rstrip("\n"):
        raise _fail(f"{path} is the reference itself: plant the mistake first")
    old = next((m for m in p.mutants() if m.name == name), None)
    fields = dict(old.header) if old else {}
    fields.pop("whole file", None)
    for key, given in (("trap", trap), ("models", models), ("caught by", caught_by)):
        if given is not None:
            fields[key] = given
    for key, ask in (("trap", "The trap it encodes"), ("models", "The realistic mistake it models")):
        if not fields.get(key, "").strip():
            fields[key] = typer.prompt(ask)
    if not fields.get("caught by", "").strip():
        fields.pop("caught by", None)
    try:
        text = make_patch(ref, body, name, fields)
    except MutantError as exc:
        raise _fail(str(exc)) from None
    assert apply_patch(ref, text, where=name) == (body if body.endswith("\n") else body + "\n")
    target = p.root / "mutants" / f"{name}{PATCH}"
    target.parent.mkdir(exist_ok=True)
    target.write_text(text, encoding="utf-8")
    diff = text.split("\n+++ ", 1)[1].splitlines()[1:]
    changed = sum(1 for ln in diff if ln[:1] in ("+", "-"))
    console.print(f"Wrote {target} ({changed} changed lines).", highlight=False)
    whole = p.root / "mutants" / f"{name}.py"
    if whole.exists():
        whole.unlink()
        console.print(f"Removed {whole}: the patch replaces the whole-file mutant.", highlight=False)
    console.print(f"Check that the hidden tests reject it: `rounds validate {pid} -v`.", highlight=False)


@commands.command("show")
def show(
    problem_id: Annotated[str, typer.Argument(metavar="PROBLEM", help="problem id")],
    name: Annotated[str, typer.Argument(help="the mutant's name")],
    patch: Annotated[bool, typer.Option("--patch", help="print the patch itself, not the patched file")] = False,
) -> None:
    """Print the mutant as the judge sees it: its patch applied to the current reference."""
    p = _problem(problem_id)
    if p.grader == "codebase":  # a multi-file patch against the reference repository
        text = (p.root / "mutants" / f"{name}.patch").read_text() if patch and (
            p.root / "mutants" / f"{name}.patch").exists() else _codebase_mutant(p, name)
        typer.echo(text, nl=not text.endswith("\n"))
        return
    _, m = _mutant(problem_id, name)
    text = m.text if patch else _source(m)
    typer.echo(text, nl=not text.endswith("\n"))


@commands.command("list")
def list_mutants(
    problem_id: Annotated[str, typer.Argument(metavar="PROBLEM", help="problem id")],
) -> None:
    """The problem's mutants and the trap each encodes."""
    p = _problem(problem_id)
    if p.grader == "codebase":
        from rounds.content.codebase import load_codebase_mutants

        for cm in load_codebase_mutants(p):
            console.print(f"{cm.name} (expect: {cm.expect}): {cm.header.get('trap', '(no header)')}", highlight=False)
        return
    for m in p.mutants():
        kind = "" if m.is_patch else " (whole file)"
        console.print(f"{m.name}{kind}: {m.header.get('trap', '(no header)')}", highlight=False)
