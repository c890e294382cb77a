"""Workspaces of codebase attempts: the repository is the workspace.

`rounds start codebase/<id>` writes the starting repository into the folder and makes it a git
repository with one commit, so the user's diff against it is the record; the brief goes to
``TASK.md`` (the repository keeps its own README.md). `rounds test` and `rounds submit` read the
whole folder (version control, caches and the workspace's own files left out) as the attempt's code.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table

from rounds.content import codebase as cb

if TYPE_CHECKING:
    from rounds.content.package import Problem
    from rounds.domain.verdict import Report

TASK = "TASK.md"
EXPLANATION = cb.EXPLANATION
START_MESSAGE = "Starting repository"
EXCLUDE = (".rounds.json", TASK, "editorial.md")  # workspace files git does not track


def is_codebase_id(problem_id: str) -> bool:
    return problem_id.startswith(f"{cb.TRACK}/")


def occupied(target: Path) -> str | None:
    """Why the folder cannot take a new repository (it is not empty), or None."""
    if target.exists() and target.is_dir() and any(target.iterdir()):
        return f"{target} is not empty; a codebase workspace is a new repository: choose another folder with --dir"
    return None


def write_repository(target: Path, code: str, *, replacing: str | None = None) -> list[str]:
    """Write the repository stored as ``code`` into ``target``; returns the paths written. With
    ``replacing`` (the repository the folder holds now), its files that ``code`` lacks are removed."""
    repo = cb.decode(code)
    if replacing is not None:
        for rel in cb.decode(replacing).keys() - repo.keys():
            (target / rel).unlink(missing_ok=True)
    cb.write_tree(repo, target)
    return sorted(repo)


def read_repository(folder: Path) -> str:
    """The folder's repository as an attempt's code (RepoError: too big, a binary file, ...)."""
    return cb.encode(cb.read_tree(folder))


def git_init(target: Path) -> str:
    """Make ``target`` a git repository with one commit of everything in it; a note on what happened."""
    git = shutil.which("git")
    if git is None:
        return "git is not installed, so the workspace is not a git repository (the attempt is recorded anyway)"
    ident = ["-c", "user.name=rounds", "-c", "user.email=rounds@localhost", "-c", "commit.gpgsign=false",
             "-c", "init.defaultBranch=main"]
    try:
        for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", START_MESSAGE]):
            if args[0] == "add":
                exclude = target / ".git" / "info" / "exclude"
                exclude.parent.mkdir(parents=True, exist_ok=True)
                with exclude.open("a", encoding="utf-8") as f:
                    f.write("\n# rounds workspace files\n" + "\n".join(EXCLUDE) + "\n")
            subprocess.run([git, *ident, *args], cwd=target, check=True, capture_output=True, text=True, timeout=60)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        detail = getattr(exc, "stderr", "") or str(exc)
        return f"git could not record the starting commit ({detail.strip()[:200]})"
    return f"a git repository with one commit ({START_MESSAGE!r}): `git diff HEAD` shows your changes"


def task_text(problem: Problem, header: str, steps: str, statement: str) -> str:
    ai = "AI assistants allowed" if cb.ai_policy(problem) == "allowed" else "no AI assistants"
    return (f"# {problem.title}\n\n{header} ({ai}).\n\n"
            "This folder is the repository: edit it in your own editor, then here:\n\n"
            f"{steps}\n"
            f"Write `{cb.EXPLANATION}` as you go: it is submitted with the repository and kept with the attempt.\n"
            "`git diff HEAD` shows what you changed since the starting commit.\n\n"
            "<!-- rounds writes this file; it is not part of your submission. -->\n\n"
            f"{statement.rstrip()}\n")


def phases(console: Console, rep: Report) -> None:
    """The phases of a graded repository, one line each."""
    if not rep.phases:
        return
    table = Table(title="phases")
    for col in ("phase", "status", "result"):
        table.add_column(col, overflow="fold", no_wrap=col != "result")
    colour = {"pass": "green", "optimal": "green", "written": "green", "good": "yellow", "naive": "yellow",
              "missing": "yellow"}
    for ph in rep.phases:
        status = str(ph.get("status", ""))
        c = colour.get(status, "red")
        table.add_row(str(ph.get("title", ph.get("phase", ""))), f"[{c}]{status}[/{c}]", str(ph.get("summary", "")))
    console.print(table)


def phases_json(rep: Report | None) -> list[dict[str, Any]] | None:
    return list(rep.phases) if rep is not None and rep.phases else None


__all__ = ["EXPLANATION", "TASK", "git_init", "is_codebase_id", "occupied", "phases", "phases_json", "read_repository", "task_text",
           "write_repository"]
