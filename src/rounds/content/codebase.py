"""Codebase packages: a small repository to fix, complete and make fast (the AI-assisted round).

A codebase is a problem package (``track = "codebase"``, ``grader = "codebase"``) whose folder
holds, besides ``problem.toml``, ``statement.md`` and ``editorial.md``:

* ``repo/``: the starting repository the user gets, with its own visible tests under ``tests/``;
* ``reference/``: an overlay on ``repo/``: the files the fixed and optimised repository changes
  (a file of the overlay replaces the file of the same path; a new path adds a file);
* ``hidden/test_*.py``: unittest files of the intended behaviour, sent only when they run;
* ``bench.py``: ``build(rng)`` makes the benchmark's hidden inputs, ``run(inputs)`` calls the core
  function, ``digest(result)`` fingerprints the answer; the host times ``run`` from outside;
* ``mutants/*.patch``: multi-file unified diffs against the reference repository, each with a
  header ``# expect: visible | hidden | tier naive | tier good`` besides trap and models.

A repository travels as a mapping of relative path to text; as an attempt's code it is stored as
canonical JSON (:func:`encode`), so the workspace, the database and the judge agree byte for byte.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rounds.content.mutants import KEYS, MutantError, apply_patch

if TYPE_CHECKING:
    from rounds.content.package import Problem

Repo = dict[str, str]

TRACK = "codebase"
MAX_REPO_BYTES = 192 * 1024  # the whole repository's text (its JSON, with escapes, stays under the code limit)
MAX_FILES = 200
MAX_FILE_BYTES = 128 * 1024
EXPLANATION = "EXPLANATION.md"  # the user's written explanation, part of the repository
TIERS = ("naive", "good", "optimal")
EXPECT = ("visible", "hidden", "tier naive", "tier good")
AI = ("allowed", "none")
# Never part of a submission: version control, caches, the workspace's own files.
SKIP_DIRS = frozenset({".git", "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".venv", "venv",
                       ".idea", ".vscode", "node_modules", ".tox"})
SKIP_FILES = frozenset({".rounds.json", "TASK.md", "editorial.md", ".DS_Store"})
SKIP_SUFFIXES = (".pyc", ".pyo", ".swp")
_JSON_MARK = '{"codebase": 1'


class RepoError(ValueError):
    """A repository that cannot be submitted, with the reason (too big, a binary file, ...)."""


@dataclass(frozen=True)
class BenchSpec:
    cpu_ms: int  # the benchmark run's own CPU limit
    optimal: float  # the core's CPU at most this many times the reference's, measured alike
    good: float


def is_codebase(problem: Problem) -> bool:
    return problem.grader == TRACK


def bench_spec(problem: Problem) -> BenchSpec:
    b = problem.meta.get("bench", {})
    return BenchSpec(cpu_ms=int(b.get("cpu_ms", 8000)), optimal=float(b.get("optimal", 3.0)),
                     good=float(b.get("good", 25.0)))


def ai_policy(problem: Problem) -> str:
    return str(problem.meta.get("ai", "none"))


def check_repo(repo: Repo) -> Repo:
    """The repository, or RepoError naming what cannot be submitted."""
    if len(repo) > MAX_FILES:
        raise RepoError(f"the repository has {len(repo)} files; the limit is {MAX_FILES}")
    total = 0
    for path, text in repo.items():
        if path.startswith(("/", "\\")) or ".." in Path(path).parts or "\\" in path:
            raise RepoError(f"{path}: paths must stay inside the repository")
        if "\x00" in text:
            raise RepoError(f"{path} is a binary file; a submission holds text files only (remove it or add it to "
                            ".gitignore)")
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > MAX_FILE_BYTES:
            raise RepoError(f"{path} is {size / 1024:.0f} KB; a file may hold at most {MAX_FILE_BYTES // 1024} KB")
        total += size
    if total > MAX_REPO_BYTES:
        raise RepoError(f"the repository holds {total / 1024:.0f} KB of text; the limit is "
                        f"{MAX_REPO_BYTES // 1024} KB")
    if not any(p.endswith(".py") for p in repo):
        raise RepoError("the repository holds no Python file")
    return repo


def _ignored(folder: Path) -> list[str]:
    """Simple patterns of the repository's .gitignore (one name or ``*.ext`` per line)."""
    p = folder / ".gitignore"
    if not p.is_file():
        return []
    out = []
    for line in p.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip().rstrip("/")
        if line and not line.startswith(("#", "!")):
            out.append(line)
    return out


def read_tree(folder: Path) -> Repo:
    """Every text file under ``folder`` (version control, caches and workspace files left out)."""
    import fnmatch

    ignore = _ignored(folder)
    repo: Repo = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if any(part in SKIP_DIRS or part.endswith(".egg-info") for part in rel.parts[:-1]) or not path.is_file():
            continue
        if any(fnmatch.fnmatch(part, pat) for part in rel.parts for pat in ignore):
            continue
        if rel.name in SKIP_FILES and len(rel.parts) == 1 or rel.name.endswith(SKIP_SUFFIXES):
            continue
        data = path.read_bytes()
        if b"\x00" in data:
            raise RepoError(f"{rel.as_posix()} is a binary file; a submission holds text files only (remove it or "
                            "add it to .gitignore)")
        try:
            repo[rel.as_posix()] = data.decode("utf-8")
        except UnicodeDecodeError:
            raise RepoError(f"{rel.as_posix()} is not UTF-8 text; a submission holds text files only") from None
        if len(repo) > MAX_FILES:
            raise RepoError(f"the repository has more than {MAX_FILES} files")
    return check_repo(repo)


def write_tree(repo: Repo, folder: Path) -> None:
    for rel, text in repo.items():
        dest = folder / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(text, encoding="utf-8")


def encode(repo: Repo) -> str:
    """A repository as an attempt's code: canonical JSON, one key per file, sorted."""
    return _JSON_MARK + ', "files": ' + json.dumps(dict(sorted(repo.items())), indent=0, ensure_ascii=False) + "}\n"


def decode(code: str) -> Repo:
    """The repository stored as an attempt's code; RepoError when the code is not one."""
    if not code.startswith(_JSON_MARK):
        raise RepoError("this is not a repository: submit the workspace folder of a codebase attempt")
    try:
        files = json.loads(code)["files"]
    except (ValueError, KeyError, TypeError) as exc:
        raise RepoError(f"the stored repository is damaged ({exc})") from None
    if not isinstance(files, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
        raise RepoError("the stored repository is damaged (files must map paths to text)")
    return check_repo(files)


def _tree(root: Path) -> Repo:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(root.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}


def starting_repo(problem: Problem) -> Repo:
    return _tree(problem.root / "repo")


def reference_repo(problem: Problem) -> Repo:
    """``repo/`` with the ``reference/`` overlay on top."""
    return {**starting_repo(problem), **_tree(problem.root / "reference")}


def hidden_tests(problem: Problem) -> Repo:
    """``hidden/test_*.py``: name -> text (the host sends each only when it runs)."""
    d = problem.root / "hidden"
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(d.glob("test_*.py"))} if d.is_dir() else {}


def bench_source(problem: Problem) -> str:
    p = problem.root / "bench.py"
    return p.read_text(encoding="utf-8") if p.exists() else ""


# Mutants: multi-file patches against the reference repository.

@dataclass
class CodebaseMutant:
    name: str
    path: Path
    header: dict[str, str]

    @property
    def expect(self) -> str:
        return " ".join(self.header.get("expect", "").split())


_FILE_START = re.compile(r"^--- (?:a/)?(\S+)")
MUTANT_KEYS = (*KEYS, "expect")


def load_codebase_mutants(problem: Problem) -> list[CodebaseMutant]:
    d = problem.root / "mutants"
    if not d.is_dir():
        return []
    out = []
    for p in sorted(d.glob("*.patch")):
        text = p.read_text(encoding="utf-8")
        out.append(CodebaseMutant(p.stem, p, _mutant_header(text)))
    return out


def _mutant_header(text: str) -> dict[str, str]:
    """The leading ``# key: text`` lines (trap, models, caught by, expect); an indented ``#   more``
    line continues the previous key."""
    out: dict[str, str] = {}
    last = ""
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        m = re.match(r"^#\s?([a-z][a-z ]*?):\s*(.*)$", line)
        if m and m.group(1) in MUTANT_KEYS:
            last = m.group(1)
            out[last] = m.group(2).strip()
        elif last and line[1:].strip() and line[1:3].isspace():
            out[last] = (out[last] + " " + line[1:].strip()).strip()
        else:
            break
    return out


def split_patch(text: str, where: str) -> list[tuple[str, str]]:
    """A multi-file unified diff as (path, one-file diff) pairs; paths as ``--- a/<path>`` names them."""
    lines = text.splitlines()
    while lines and (lines[0].startswith("#") or not lines[0].strip()):  # the header
        lines.pop(0)
    chunks: list[tuple[str, list[str]]] = []
    i = 0
    while i < len(lines):
        m = _FILE_START.match(lines[i])
        if m and i + 1 < len(lines) and lines[i + 1].startswith("+++ "):
            chunks.append((m.group(1), [lines[i], lines[i + 1]]))
            i += 2
            continue
        if chunks:
            chunks[-1][1].append(lines[i])
        elif lines[i].strip():
            raise MutantError(f"{where}: line {i + 1} comes before the first '--- a/<path>' line")
        i += 1
    if not chunks:
        raise MutantError(f"{where}: no '--- a/<path>' and '+++ b/<path>' lines: not a unified diff")
    return [(path, "\n".join(body) + "\n") for path, body in chunks]


def apply_repo_patch(repo: Repo, text: str, where: str) -> Repo:
    """Apply a multi-file patch strictly (no fuzz); a path missing from the repository is an error."""
    out = dict(repo)
    for path, diff in split_patch(text, where):
        if path not in out:
            raise MutantError(f"{where}: the patch changes {path}, which the reference repository does not have")
        out[path] = apply_patch(out[path], diff, f"{where} ({path})")
    return out


def mutant_repo(problem: Problem, m: CodebaseMutant) -> Repo:
    return apply_repo_patch(reference_repo(problem), m.path.read_text(encoding="utf-8"), f"mutants/{m.path.name}")


def counts() -> dict[str, Any]:
    """`rounds stats`: codebases of the catalog, by AI policy, with their mutants."""
    from rounds.content.catalog import catalog

    items = [p for p in catalog() if is_codebase(p)]
    return {"codebases": len(items),
            "ai_allowed": sum(ai_policy(p) == "allowed" for p in items),
            "no_ai": sum(ai_policy(p) == "none" for p in items),
            "mutants": sum(len(load_codebase_mutants(p)) for p in items)}


__all__ = ["AI", "EXPECT", "EXPLANATION", "MAX_REPO_BYTES", "TIERS", "TRACK", "BenchSpec", "CodebaseMutant", "Repo",
           "RepoError", "ai_policy", "apply_repo_patch", "bench_source", "bench_spec", "check_repo", "counts", "decode",
           "encode", "hidden_tests", "is_codebase", "load_codebase_mutants", "mutant_repo", "read_tree",
           "reference_repo", "split_patch", "starting_repo", "write_tree"]
