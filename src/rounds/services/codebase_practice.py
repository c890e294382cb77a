"""What the codebase page needs: the attempt's repository as files, saving and judging it, the test
log and the phases of its reports, and after the attempt the user's diff against the start.

The page edits the repository file by file and sends it whole, as a mapping of path to text; the
attempt stores it as the same canonical document the terminal stores (:func:`rounds.content.codebase.encode`),
so `rounds start` in a terminal and the page continue the same attempt. Saving, running and
submitting go through the problem page's services (:mod:`rounds.services.web_practice`): a
repository the judge cannot take is refused with the terminal's reason before anything is stored.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field, fields
from typing import Any

from rounds.content import codebase as cb
from rounds.content.package import Problem
from rounds.domain.verdict import Report, TestResult
from rounds.judge.graders.codebase import visible_test_files
from rounds.judge.graders.unittests import test_names
from rounds.services import codebase_assistant as assistant
from rounds.services import web_practice as practice
from rounds.services.codebase_assistant import ChatMessage
from rounds.services.web_judging import JudgeRefused, check_source
from rounds.storage.db import SessionFactory

MAX_FORM_CHARS = 2 * 1024 * 1024  # the files as the page sends them (JSON); the repository's limits apply after


@dataclass(frozen=True)
class TreeNode:
    """A folder (with children) or a file of the repository, as the file tree shows it."""

    name: str
    path: str
    children: tuple[TreeNode, ...] | None = None  # None for a file

    @property
    def is_dir(self) -> bool:
        return self.children is not None


@dataclass(frozen=True)
class FileDiff:
    """One changed file: its status against the starting repository and its unified diff."""

    path: str
    status: str  # modified | added | deleted
    added: int
    removed: int
    lines: list[tuple[str, str]]  # (add | del | ctx | hunk, line)


@dataclass(frozen=True)
class TestGroup:
    """The results of one test file (or the hidden tests of one file, or the benchmark)."""

    name: str
    path: str  # the repository file to open from the log ("" for hidden tests and the benchmark)
    tests: list[tuple[str, TestResult]]  # (the test's own name, Class.method, or "" for the whole file)

    @property
    def passed(self) -> int:
        return sum(t.passed for _, t in self.tests)

    @property
    def ok(self) -> bool:
        return self.passed == len(self.tests)


@dataclass
class CodebaseView:
    """The attempt as the codebase page shows it."""

    view: practice.ProblemView
    files: cb.Repo
    first: str  # the file the editor opens
    ai: str  # allowed | none
    note: str = ""  # the stored code could not be read as a repository: the starting one is shown
    tree: tuple[TreeNode, ...] = ()
    diff: list[FileDiff] = field(default_factory=list)  # once the attempt is over or revealed
    chat: list[ChatMessage] = field(default_factory=list)  # the assistant's conversation, oldest first
    llm: bool = False  # the assistant's endpoint is set up

    @property
    def files_json(self) -> str:
        return json.dumps(self.files, ensure_ascii=False, sort_keys=True)


def read_repository(code: str, problem: Problem) -> tuple[cb.Repo, str]:
    """The repository an attempt stores, or the starting one and why it was used instead."""
    try:
        return cb.decode(code), ""
    except cb.RepoError as exc:
        return cb.starting_repo(problem), (f"The attempt's saved code is not a repository ({exc}); the starting "
                                           "repository is shown, and your next edit replaces the saved code.")


def page_view(*, sessions: SessionFactory, problem: Problem, attempt_id: int | None = None) -> CodebaseView:
    v = practice.problem_view(sessions=sessions, problem=problem, attempt_id=attempt_id)
    files, note = read_repository(v.code, problem)
    out = CodebaseView(view=v, files=files, first=first_file(files), ai=cb.ai_policy(problem), note=note,
                       tree=tree(files))
    if v.finished or v.assisted:
        out.diff = repo_diff(cb.starting_repo(problem), files)
    if v.shown_id is not None:
        out.chat = assistant.messages(sessions=sessions, attempt_id=v.shown_id)
    out.llm = assistant.available()
    return out


def first_file(files: cb.Repo) -> str:
    """The file a new page opens: the repository's README, else its first Python file."""
    for name in ("README.md", "readme.md", "README.rst", "README"):
        if name in files:
            return name
    return next((p for p in sorted(files) if p.endswith(".py")), min(files, default=""))


def tree(files: cb.Repo) -> tuple[TreeNode, ...]:
    """The paths as a tree: folders first, then files, each by name."""
    def build(prefix: str, paths: list[str]) -> tuple[TreeNode, ...]:
        dirs: dict[str, list[str]] = {}
        leaves: list[str] = []
        for rel in paths:
            head, sep, rest = rel.partition("/")
            if sep:
                dirs.setdefault(head, []).append(rest)
            else:
                leaves.append(head)
        nodes = [TreeNode(d, prefix + d, build(f"{prefix}{d}/", dirs[d])) for d in sorted(dirs)]
        nodes += [TreeNode(f, prefix + f) for f in sorted(leaves)]
        return tuple(nodes)

    return build("", sorted(files))


def files_from_form(text: str) -> cb.Repo:
    """The page's files (a JSON object of path to text), checked as a submission is; JudgeRefused
    with the terminal's reason (too big, a binary file, a path outside the repository, ...)."""
    try:
        files = json.loads(text)
    except ValueError:
        raise JudgeRefused("The page sent no readable repository; reload the page (your edits are kept in "
                           "this browser).") from None
    if not isinstance(files, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
        raise JudgeRefused("The page sent no readable repository: files must map paths to text.")
    try:
        for path, body in files.items():
            try:
                body.encode("utf-8")
            except UnicodeEncodeError:
                raise cb.RepoError(f"{path} is not UTF-8 text; a submission holds text files only") from None
            if not path.strip() or path.endswith("/") or "//" in path:
                raise cb.RepoError(f"{path!r} is not a file path")
        return cb.check_repo(dict(files))
    except cb.RepoError as exc:
        raise JudgeRefused(f"The repository cannot be submitted: {exc}. Nothing was saved or run; your files "
                           "are kept in the editor.") from None


def encode_form(text: str) -> str:
    """The page's files as the attempt's code (the canonical document the terminal stores too)."""
    return cb.encode(files_from_form(text))


def save(*, sessions: SessionFactory, problem: Problem, files: str, attempt_id: int | None) -> dict[str, object]:
    """Autosave: the repository into the attempt shown (starting a practice attempt on the first edit)."""
    return practice.save_code(sessions=sessions, problem=problem, code=encode_form(files), attempt_id=attempt_id)


@dataclass
class Judging:
    """A stored Run or Submit of the repository, ready to judge: the work, the number of results to
    expect, and the practice attempt it started (``{"attempt_id", "clock"}``), if it started one."""

    prepared: practice.Prepared
    total: int
    started: dict[str, object] | None = None


def visible_count(files: cb.Repo) -> int:
    n = 0
    for rel in visible_test_files(files):
        try:
            n += len(test_names(files[rel])) or 1
        except SyntaxError:
            n += 1
    return n


def hidden_count(problem: Problem) -> int:
    n = 0
    for text in cb.hidden_tests(problem).values():
        try:
            n += len(test_names(text)) or 1
        except SyntaxError:
            n += 1
    return n


def prepare_run(*, sessions: SessionFactory, problem: Problem, files: str,
                attempt_id: int | None) -> Judging:
    """Store a run of the repository's visible tests (the visible phase); return the judging."""
    code = encode_form(files)
    check_source(code)
    aid, started = practice._open_attempt(sessions, problem, code, attempt_id)
    prepared = practice.prepare_run(sessions=sessions, problem=problem, code=code, custom="", attempt_id=aid)
    return Judging(prepared=prepared, total=visible_count(cb.decode(code)),
                   started=_started(sessions, problem, aid) if started else None)


def prepare_submit(*, sessions: SessionFactory, problem: Problem, files: str,
                   attempt_id: int | None) -> Judging:
    """Store a submission of the repository for every phase; return the judging."""
    code = encode_form(files)
    check_source(code)
    aid, started = practice._open_attempt(sessions, problem, code, attempt_id)
    prepared = practice.prepare_submit(sessions=sessions, problem=problem, code=code, attempt_id=aid)
    bench = 1 if cb.bench_source(problem) else 0
    return Judging(prepared=prepared, total=visible_count(cb.decode(code)) + hidden_count(problem) + bench,
                   started=_started(sessions, problem, aid) if started else None)


def _started(sessions: SessionFactory, problem: Problem, attempt_id: int) -> dict[str, object]:
    """The practice attempt a Run or a Submit just started, for the page to adopt (its id and clock)."""
    v = practice.problem_view(sessions=sessions, problem=problem, attempt_id=attempt_id)
    return {"attempt_id": attempt_id, "clock": practice.clock_json(v)}


# Reports: the test log by file, and the phases.

def test_groups(results: list[TestResult]) -> list[TestGroup]:
    """Results as the test log shows them: one group per test file, in the order they ran."""
    groups: dict[str, TestGroup] = {}
    for t in results:
        head, _, test = t.name.partition("::")
        path = head if (t.visible and head.endswith(".py")) else ""
        if t.test and t.visible and t.test.get("file"):
            path = str(t.test["file"])
        g = groups.get(head)
        if g is None:
            g = groups[head] = TestGroup(name=head, path=path, tests=[])
        g.tests.append((test, t))
    return list(groups.values())


def phases(report: Report | None) -> list[dict[str, Any]]:
    return list(report.phases or []) if report is not None else []


def failing_hidden(report: Report | None) -> list[TestResult]:
    """The hidden tests that failed, as the attempt's feedback mode shows them (their docstrings in
    standard mode, with the assertion in open mode, nothing but the count in blind mode)."""
    if report is None:
        return []
    return [t for t in report.tests if not t.visible and not t.passed and t.name.startswith("hidden ")]


# After the attempt: the diff against the starting repository.

def repo_diff(start: cb.Repo, mine: cb.Repo) -> list[FileDiff]:
    """Every file that differs from the starting repository, as a unified diff (difflib)."""
    out: list[FileDiff] = []
    for path in sorted(start.keys() | mine.keys()):
        old, new = start.get(path), mine.get(path)
        if old == new:
            continue
        status = "added" if old is None else "deleted" if new is None else "modified"
        lines: list[tuple[str, str]] = []
        added = removed = 0
        for line in difflib.unified_diff((old or "").splitlines(), (new or "").splitlines(),
                                         f"a/{path}", f"b/{path}", lineterm="", n=3):
            if line.startswith(("--- ", "+++ ")):
                continue
            if line.startswith("@@"):
                lines.append(("hunk", line))
            elif line.startswith("+"):
                lines.append(("add", line))
                added += 1
            elif line.startswith("-"):
                lines.append(("del", line))
                removed += 1
            else:
                lines.append(("ctx", line))
        out.append(FileDiff(path=path, status=status, added=added, removed=removed, lines=lines))
    return out


def diff_text(diffs: list[FileDiff]) -> str:
    """The diffs as one plain unified diff (``git diff`` style), for copying."""
    parts = []
    for d in diffs:
        a = "/dev/null" if d.status == "added" else f"a/{d.path}"
        b = "/dev/null" if d.status == "deleted" else f"b/{d.path}"
        parts.append(f"--- {a}\n+++ {b}\n" + "".join(line + "\n" for _, line in d.lines))
    return "".join(parts)


@dataclass
class CodebaseOutcome(practice.Outcome):
    """A Run or a Submit of a repository; ``page`` is the page's view again when the attempt changed
    (completed or over: the editorial, the diff and the conversation are shown)."""

    page: CodebaseView | None = None


def judged(outcome: practice.Outcome, *, sessions: SessionFactory, problem: Problem) -> CodebaseOutcome:
    out = CodebaseOutcome(**{f.name: getattr(outcome, f.name) for f in fields(practice.Outcome)})
    if outcome.refresh and outcome.view is not None and outcome.view.shown_id is not None:
        out.page = page_view(sessions=sessions, problem=problem, attempt_id=outcome.view.shown_id)
    return out


__all__ = ["CodebaseOutcome", "CodebaseView", "FileDiff", "Judging", "TestGroup", "TreeNode", "diff_text", "encode_form", "failing_hidden",
           "files_from_form", "first_file", "judged", "page_view", "phases", "prepare_run", "prepare_submit",
           "read_repository", "repo_diff", "save", "test_groups", "tree"]
