"""Importing a task laid out like CodeSignal's Industry Coding Framework (`rounds import icf`).

The layout: an interface module (``banking_system.py``, an abstract class), the module to fill in
(``banking_system_impl.py``) and one unittest file per level (``tests/level_1_tests.py`` ..
``tests/level_4_tests.py``; fewer levels are fine). An optional Markdown file (README.md) is the
statement; ``## Level N: title`` headings split it into levels.

The import writes an ordinary problem package, grader ``unittest``, under
``<data dir>/imported/oop/<slug>/``, where the catalog finds it: ``rounds start``, ``test``,
``submit``, ``judge`` and the web pages work on it as on bank problems. It has no reference
solution: the task's own tests decide.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from rounds.content.catalog import BANK
from rounds.services.errors import ServiceError

IMPORTED = "imported"
TRACK = "oop"
MAX_TOTAL_BYTES = 1 << 20
LEVEL_FILE = re.compile(r"^level_(\d+)_tests\.py$")
LEVEL_HEADING = re.compile(r"^#{1,3}\s*level\s*(\d+)\s*[:.\-\u2013\u2014]?\s*(.*?)\s*$", re.IGNORECASE | re.MULTILINE)
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
# Besides the standard library and the task's own modules; the judge brings a timeout_decorator.
AVAILABLE = {"numpy", "tests", "timeout_decorator"}
TASK_DIR = "task"  # same folder name as rounds.judge.graders.unittests.TASK_DIR


class ImportLayoutError(ServiceError):
    """The folder is not an importable task; the message says what is missing or broken."""


@dataclass
class Layout:
    """What was found in a task folder."""

    root: Path
    impl: str  # e.g. "banking_system_impl.py"
    interface: str  # e.g. "banking_system.py"
    entry: str  # the class (or function) the impl defines
    levels: list[str]  # "tests/level_1_tests.py", ...
    support: list[str] = field(default_factory=list)  # other modules sent with every run
    readme: str | None = None  # the statement's Markdown file, if any


@dataclass
class ImportedTask:
    problem_id: str
    folder: Path
    levels: int
    tests: int
    entry: str


def read_layout(root: Path) -> Layout:
    """Check the folder's layout; ImportLayoutError names the first missing or broken file."""
    if not root.is_dir():
        raise ImportLayoutError(f"{root} is not a folder (expected a task folder with an interface module, "
                                "its *_impl.py and tests/level_1_tests.py ...)")
    impls = sorted(p.name for p in root.glob("*_impl.py"))
    if not impls:
        raise ImportLayoutError(f"{root} has no *_impl.py: the module you fill in (e.g. banking_system_impl.py) "
                                "is missing")
    if len(impls) > 1:
        raise ImportLayoutError(f"{root} has several *_impl.py files ({', '.join(impls)}); a task has exactly one")
    impl = impls[0]
    interface = impl[: -len("_impl.py")] + ".py"
    if not (root / interface).is_file():
        interface = impl  # no interface module: the module to fill in is its own interface
    tests_dir = root / "tests"
    flat = sorted(p.name for p in root.iterdir() if LEVEL_FILE.match(p.name))
    if flat and tests_dir.is_dir() and any(LEVEL_FILE.match(p.name) for p in tests_dir.iterdir()):
        raise ImportLayoutError(f"{root} has level test files both at the top ({', '.join(flat)}) and in "
                                f"{tests_dir}; keep one set: move {', '.join(flat)} into tests/ or delete them")
    where = root if flat else tests_dir
    prefix = "" if flat else "tests/"
    if not flat and not tests_dir.is_dir():
        raise ImportLayoutError(f"{tests_dir} is missing and {root} has no level_N_tests.py at the top: put the "
                                "level test files (level_1_tests.py, level_2_tests.py ...) in tests/ or next to "
                                f"{impl}")
    numbers = sorted(int(m.group(1)) for p in where.iterdir() if (m := LEVEL_FILE.match(p.name)))
    if not numbers:
        raise ImportLayoutError(f"{where / 'level_1_tests.py'} is missing: no level test files in {where}")
    for n in range(1, numbers[-1] + 1):
        if n not in numbers:
            raise ImportLayoutError(f"{where / f'level_{n}_tests.py'} is missing (level {numbers[-1]} exists)")
    levels = [f"{prefix}level_{n}_tests.py" for n in range(1, numbers[-1] + 1)]
    support = sorted(p.name for p in root.glob("*.py") if p.name != impl and not LEVEL_FILE.match(p.name))
    if tests_dir.is_dir():
        support += sorted(f"tests/{p.name}" for p in tests_dir.glob("*.py") if not LEVEL_FILE.match(p.name))
    own = {Path(s).stem for s in support} | {Path(impl).stem} | {Path(lv).stem for lv in levels}
    for rel in [impl, *support, *levels]:
        _check_module(root, rel, own)
    entry = _entry(root / impl)
    mds = sorted(root.glob("*.md"), key=lambda p: (p.name.lower() != "readme.md", p.name))
    return Layout(root=root, impl=impl, interface=interface, entry=entry, levels=levels, support=support,
                  readme=mds[0].name if mds else None)


def _check_module(root: Path, rel: str, own: set[str]) -> None:
    path = root / rel
    try:
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text, filename=rel)
    except UnicodeDecodeError:
        raise ImportLayoutError(f"{path} is not UTF-8 text") from None
    except SyntaxError as exc:
        raise ImportLayoutError(f"{path} does not parse: line {exc.lineno}: {exc.msg}") from None
    available = set(sys.stdlib_module_names) | AVAILABLE | own
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            if name.split(".")[0] not in available:
                raise ImportLayoutError(
                    f"{path} imports {name} (line {node.lineno}), which the sandbox does not have: only the "
                    "standard library, numpy and the task's own modules can be imported; the tests would fail "
                    "to import")
    if LEVEL_FILE.match(path.name) and not _count_tests(tree):
        raise ImportLayoutError(f"{path} defines no test methods (test_... in a unittest.TestCase class)")


def _count_tests(tree: ast.Module) -> int:
    return sum(1 for c in tree.body if isinstance(c, ast.ClassDef) for f in c.body
               if isinstance(f, ast.FunctionDef) and f.name.startswith("test"))


def _entry(path: Path) -> str:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for kind in (ast.ClassDef, ast.FunctionDef):
        for node in tree.body:
            if isinstance(node, kind):
                return node.name
    raise ImportLayoutError(f"{path} defines no class or function to fill in")


def _slug(layout: Layout) -> str:
    return layout.impl[: -len("_impl.py")].replace("_", "-").lower()


def _title(layout: Layout, readme: str | None) -> str:
    if readme:
        m = re.search(r"^#\s+(.+?)\s*$", readme, re.MULTILINE)
        if m and not LEVEL_HEADING.match(m.group(0)):
            return m.group(1)
    return layout.impl[: -len("_impl.py")].replace("_", " ").title()


def _split_levels(readme: str, n: int) -> tuple[str, dict[int, tuple[str, str]]]:
    """(the text before the first level heading, {level: (title, text)}) from ``## Level N: title`` headings."""
    marks = [m for m in LEVEL_HEADING.finditer(readme) if 1 <= int(m.group(1)) <= n]
    if not marks:
        return readme, {}
    out: dict[int, tuple[str, str]] = {}
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(readme)
        out.setdefault(int(m.group(1)), (m.group(2).strip(), readme[m.end():end].strip()))
    intro = readme[: marks[0].start()].strip()
    intro = re.sub(r"^#\s+.+\n?", "", intro, count=1).strip()  # the title is shown separately
    return intro, out


def _signature(fn: ast.FunctionDef) -> str:
    args = [a for a in fn.args.args if a.arg != "self"]
    parts = [a.arg + (f": {ast.unparse(a.annotation)}" if a.annotation else "") for a in args]
    ret = f" -> {ast.unparse(fn.returns)}" if fn.returns else ""
    return f"{fn.name}({', '.join(parts)}){ret}"


def _first_sentence(doc: str) -> str:
    """A docstring's first sentence, whole, even when it wraps over several lines."""
    para = " ".join(doc.strip().split("\n\n", 1)[0].split())
    m = re.search(r"^(.+?[.!?])(?:\s|$)", para)
    return m.group(1) if m else para


def _level_title(layout: Layout, n: int) -> str:
    """A level's title when the statement gives none: its test file's docstring, else the file's name."""
    rel = layout.levels[n - 1]
    try:
        tree = ast.parse((layout.root / rel).read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError):
        return f"the tests in {rel}"
    doc = ast.get_docstring(tree) or next((ast.get_docstring(c) for c in tree.body
                                          if isinstance(c, ast.ClassDef) and ast.get_docstring(c)), None)
    first = _first_sentence(doc or "").rstrip(".")
    if first and not re.match(r"^level\s*\d+\s*$", first, re.I):
        return first
    return f"the tests in {rel}"


def interface_summary(path: Path) -> str:
    """The interface's public methods as a Markdown list, each with its docstring's first line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            lines.append(f"`{node.name}`:\n")
            for fn in node.body:
                if isinstance(fn, ast.FunctionDef) and not fn.name.startswith("_"):
                    doc = _first_sentence(ast.get_docstring(fn) or "")
                    lines.append(f"- `{_signature(fn)}`" + (f": {doc}" if doc else ""))
            lines.append("")
    return "\n".join(lines).strip()


def _level_text(layout: Layout, n: int, body: str) -> str:
    rel = layout.levels[n - 1]
    source = (layout.root / rel).read_text(encoding="utf-8")
    tree = ast.parse(source)
    names = [f.name for c in tree.body if isinstance(c, ast.ClassDef) for f in c.body
             if isinstance(f, ast.FunctionDef) and f.name.startswith("test")]
    parts = [body.strip()] if body.strip() else []
    if n == 1 and layout.interface == layout.impl:
        parts.append(f"Fill in `{layout.entry}` in `{layout.impl}` (your `solution.py`); the task has no separate "
                     "interface module, so its methods are these:\n\n" + interface_summary(layout.root / layout.impl))
    elif n == 1:
        parts.append(f"Fill in `{layout.entry}` in `{layout.impl}` (your `solution.py`); it implements the "
                     f"interface in `{layout.interface}`:\n\n" + interface_summary(layout.root / layout.interface)
                     + f"\n\n```python\n{(layout.root / layout.interface).read_text(encoding='utf-8').rstrip()}\n```")
    parts.append("## Contract\n\nThis is an imported task: the contract is what the task's own tests check. "
                 f"Level {n} passes when every test in `{rel}` passes; the tests are visible, below, and "
                 f"`rounds test` and `rounds submit` both run them ({len(names)} tests: "
                 + ", ".join(f"`{x}`" for x in names) + ").")
    parts.append(f"```python\n{source.rstrip()}\n```")
    return "\n\n".join(parts) + "\n"


def _toml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)  # a JSON string without \u escapes is a TOML basic string


def _problem_toml(layout: Layout, pid: str, title: str, level_titles: list[str]) -> str:
    lines = [
        f"id = {_toml_str(pid)}",
        f"title = {_toml_str(title)}",
        f'track = "{TRACK}"',
        'difficulty = "medium"',
        'tags = ["imported", "unittest"]',
        "companies = []",
        f"minutes = {30 * len(layout.levels)}",
        'grader = "unittest"',
        f"entry = {_toml_str(layout.entry)}",
        'runtime = "numpy"',
        "",
        "[limits]  # per test method; a level file may use this times its number of tests",
        "cpu_ms = 2000",
        "memory_mb = 256",
        "",
        "[unittest]",
        f"impl = {_toml_str(layout.impl)}",
        "files = [" + ", ".join(_toml_str(f) for f in layout.support) + "]",
        "levels = [" + ", ".join(_toml_str(f) for f in layout.levels) + "]",
        f"imported_from = {_toml_str(str(layout.root.resolve()))}",
    ]
    for t in level_titles:
        lines += ["", "[[levels]]", f"title = {_toml_str(t)}", "minutes = 30"]
    return "\n".join(lines) + "\n"


def import_icf(*, path: Path, data_dir: Path, slug: str | None = None, force: bool = False) -> ImportedTask:
    """Import the task folder at ``path`` as ``oop/<slug>`` into the user's data dir."""
    layout = read_layout(path)
    if slug is None:
        slug = _slug(layout)
        if (BANK / TRACK / slug).exists():  # the default never shadows a problem of the bundled bank
            slug = f"{slug}-imported"
    if not SLUG.match(slug):
        raise ImportLayoutError(f"'{slug}' is not a usable slug: lower-case letters, digits and '-' (use --slug)")
    pid = f"{TRACK}/{slug}"
    if (BANK / TRACK / slug).exists():
        raise ImportLayoutError(f"{pid} is a problem of the bundled bank; choose another id with --slug")
    rels = [layout.impl, *layout.support, *layout.levels]
    total = sum((layout.root / r).stat().st_size for r in rels)
    if total > MAX_TOTAL_BYTES:
        raise ImportLayoutError(f"the task's Python files add up to {total // 1024} KB; the limit is "
                                f"{MAX_TOTAL_BYTES >> 10} KB")
    target = data_dir / IMPORTED / TRACK / slug
    if target.exists() and not force:
        raise ImportLayoutError(f"{pid} is already imported at {target}; pass --force to replace it")
    readme = (layout.root / layout.readme).read_text(encoding="utf-8") if layout.readme else None
    title = _title(layout, readme)
    n = len(layout.levels)
    intro, sections = _split_levels(readme, n) if readme else ("", {})
    if readme and not sections:
        intro = readme  # one statement for the whole task: shown with level 1
    titles = [sections.get(i, ("", ""))[0] or _level_title(layout, i) for i in range(1, n + 1)]
    staging = target.with_name(f".{slug}.importing")
    shutil.rmtree(staging, ignore_errors=True)
    (staging / TASK_DIR / "tests").mkdir(parents=True)
    (staging / "levels").mkdir()
    for rel in rels:
        shutil.copyfile(layout.root / rel, staging / TASK_DIR / rel)  # a flat layout keeps its flat names
    (staging / "starter.py").write_text((layout.root / layout.impl).read_text(encoding="utf-8"), encoding="utf-8")
    for i in range(1, n + 1):
        body = sections.get(i, ("", ""))[1]
        if i == 1 and intro.strip():
            body = f"{intro.strip()}\n\n{body}".strip()
        (staging / "levels" / f"{i}.md").write_text(_level_text(layout, i, body), encoding="utf-8")
    (staging / "problem.toml").write_text(_problem_toml(layout, pid, title, titles), encoding="utf-8")
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging.rename(target)
    tests = sum(_count_tests(ast.parse((layout.root / lv).read_text(encoding="utf-8"))) for lv in layout.levels)
    return ImportedTask(problem_id=pid, folder=target, levels=n, tests=tests, entry=layout.entry)
