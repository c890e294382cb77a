"""Mutants: realistic wrong solutions, kept as unified diffs against the package's reference.

``mutants/<name>.patch`` opens with a header of ``# key: text`` lines, then one unified diff from
``reference.py``::

    # trap: an equal day is not a warmer day
    # models: pops the stack on >= instead of >
    # caught by: test 1.4
    --- reference.py
    +++ mutants/greater_or_equal.py
    @@ -5,3 +5,3 @@
         for i, t in enumerate(temperatures):
    -        while waiting and temperatures[waiting[-1]] < t:
    +        while waiting and temperatures[waiting[-1]] <= t:
                 j = waiting.pop()

The patch is applied strictly to the current reference: every context and removed line must match
exactly (a hunk may only move as a whole, when lines were added or removed above it). A mutant that
a patch cannot express stays a whole file, ``mutants/<name>.py``, with the same header as its first
comment lines plus ``# whole file: why``.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import ModuleType

PATCH, WHOLE_FILE = ".patch", ".py"
REQUIRED = ("trap", "models")
KEYS = ("trap", "models", "caught by", "whole file")
HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
HEADER_LINE = re.compile(r"^#\s?([a-z][a-z ]*?):\s*(.*)$")


class MutantError(Exception):
    """A mutant that cannot be turned into source: a malformed patch, or one that no longer applies."""


@dataclass(frozen=True)
class Hunk:
    header: str  # the @@ line, as written
    old_start: int  # 1-based, as in the @@ line
    old: list[str]  # context and removed lines, without line ends
    new: list[str]  # context and added lines


@dataclass(frozen=True)
class Mutant:
    """One mutant of a problem: ``mutants/<name>.patch`` (or a whole-file ``<name>.py``)."""

    path: Path
    reference_path: Path

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def file_name(self) -> str:
        return self.path.name

    @property
    def is_patch(self) -> bool:
        return self.path.suffix == PATCH

    @cached_property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")

    @cached_property
    def header(self) -> dict[str, str]:
        return parse_header(self.text)

    def header_problems(self) -> list[str]:
        """What is wrong with the header, in words for an author; empty when it is complete."""
        out = []
        if not self.header and not self.is_patch:
            return []  # a whole file from before patches: judged as ever; validate notes it
        if not self.header:
            return [f"mutant {self.file_name} has no header: its first lines must be '# trap: ...' (the trap it "
                    "encodes) and '# models: ...' (the realistic mistake it models)"]
        out += [f"mutant {self.file_name}: the header lacks '# {k}: ...'" for k in REQUIRED if not self.header.get(k)]
        if not self.is_patch and not self.header.get("whole file"):
            out.append(f"mutant {self.file_name} is a whole file: its header must say why a patch cannot express "
                       "the trap ('# whole file: ...'), or it should be mutants/" + self.name + PATCH)
        return out

    @property
    def caught_by(self) -> list[str]:
        """Names of the tests the header says must reject this mutant (``test 2.3; test 2.5``); may be empty."""
        names = (_without_remark(part) for part in self.header.get("caught by", "").split(";"))
        return [n for n in names if n]

    @property
    def caught_by_time_limit(self) -> bool:
        """Every named test is remarked as a time limit (``test 1.9 (TLE)``): a slow mutant, whose
        rejection may land on a neighbouring large test when the machine is quiet or busy."""
        parts = [p.strip() for p in self.header.get("caught by", "").split(";") if p.strip()]
        return bool(parts) and all(re.match(r"(?:TLE|MLE)\b", p[len(_without_remark(p)):].strip(" (")) for p in parts)

    @cached_property
    def source(self) -> str:
        """The mutant as Python source: the patch applied to the current reference."""
        if not self.is_patch:
            return self.text
        try:
            reference = self.reference_path.read_text(encoding="utf-8")
        except OSError as exc:
            raise MutantError(f"mutant {self.file_name}: cannot read the reference: {exc}") from None
        return apply_patch(reference, self.text, where=f"mutant {self.file_name}")


    def module(self, name: str) -> ModuleType:
        """The mutant imported on the host, as a fresh module (for tests that use it as an oracle)."""
        mod = ModuleType(name)
        mod.__file__ = str(self.path)
        exec(compile(self.source, str(self.path), "exec"), mod.__dict__)  # noqa: S102 - the bank's own code
        return mod


def _without_remark(part: str) -> str:
    """``test 2.4 (WA: shape (2, 3))`` -> ``test 2.4``: drop a closing remark in brackets, nested ones too."""
    part = part.strip()
    if not part.endswith(")"):
        return part
    depth = 0
    for i in range(len(part) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(part[i], 0)
        if depth == 0:
            return part[:i].strip()
    return part


def load_mutants(root: Path) -> list[Mutant]:
    """The mutants of the package in ``root``, sorted by name (a .patch wins over a .py of the same name)."""
    d = root / "mutants"
    if not d.is_dir():
        return []
    by_name: dict[str, Path] = {}
    for p in sorted(d.iterdir()):
        if p.is_file() and p.suffix in (PATCH, WHOLE_FILE) and not p.name.startswith((".", "_")):
            if p.stem not in by_name or p.suffix == PATCH:
                by_name[p.stem] = p
    return [Mutant(by_name[n], root / "reference.py") for n in sorted(by_name)]


def parse_header(text: str) -> dict[str, str]:
    """The leading ``# key: text`` lines; an indented ``#   more`` line continues the previous key."""
    return _header(text)[0]


def strip_header(text: str) -> str:
    """The text without its header lines (a whole-file mutant's code)."""
    n = _header(text)[1]
    return "".join(text.splitlines(keepends=True)[n:])


def _header(text: str) -> tuple[dict[str, str], int]:
    out: dict[str, str] = {}
    last = ""
    n = 0
    for line in text.splitlines():
        if not line.startswith("#") or line.startswith("#!"):
            break
        m = HEADER_LINE.match(line)
        if m and m.group(1) in KEYS:
            last = m.group(1)
            out[last] = m.group(2).strip()
        elif last and line[1:].strip() and line[1:2].isspace() and line[2:3].isspace():
            out[last] = (out[last] + " " + line[1:].strip()).strip()
        else:
            break
        n += 1
    return out, n


def header_lines(fields: dict[str, str], width: int = 100) -> list[str]:
    """``# key: text`` lines for a header, long texts continued on indented ``#`` lines."""
    import textwrap

    out = []
    for key in KEYS:
        text = " ".join(fields.get(key, "").split())
        if not text:
            continue
        first = f"# {key}: "
        wrapped = textwrap.wrap(text, width=width - len(first), break_long_words=False, break_on_hyphens=False)
        out.append(first + wrapped[0])
        out += ["#   " + w for w in wrapped[1:]]
    return out


def make_patch(reference: str, mutant: str, name: str, fields: dict[str, str], context: int = 3) -> str:
    """The text of ``mutants/<name>.patch``: a header from ``fields`` and the diff reference -> mutant."""
    if not mutant.endswith("\n"):
        mutant += "\n"
    diff = list(difflib.unified_diff(reference.splitlines(), mutant.splitlines(), "reference.py",
                                     f"mutants/{name}{WHOLE_FILE}", n=context, lineterm=""))
    if not diff:
        raise MutantError(f"mutant {name} is the reference itself: there is no mistake to keep")
    diff[0], diff[1] = "--- reference.py", f"+++ mutants/{name}{WHOLE_FILE}"  # no dates
    return "\n".join(header_lines(fields) + diff) + "\n"


def parse_patch(patch: str, where: str = "patch") -> list[Hunk]:
    """The hunks of a one-file unified diff (header comments before ``---`` are skipped)."""
    lines = patch.splitlines()
    i = 0
    while i < len(lines) and (lines[i].startswith("#") or not lines[i].strip()):
        i += 1
    if i + 1 >= len(lines) or not lines[i].startswith("--- ") or not lines[i + 1].startswith("+++ "):
        raise MutantError(f"{where}: after the header the file must be a unified diff starting with "
                          "'--- reference.py' and '+++ ...' lines")
    i += 2
    hunks: list[Hunk] = []
    while i < len(lines):
        line = lines[i]
        if not line.strip() and not hunks:
            i += 1
            continue
        m = HUNK.match(line)
        if not m:
            if line.startswith("--- "):
                raise MutantError(f"{where}: the patch changes more than one file; it may change reference.py only")
            raise MutantError(f"{where}: line {i + 1} should start a hunk ('@@ -a,b +c,d @@'), got {line!r}")
        old_n = 1 if m.group(2) is None else int(m.group(2))
        new_n = 1 if m.group(4) is None else int(m.group(4))
        old: list[str] = []
        new: list[str] = []
        i += 1
        while len(old) < old_n or len(new) < new_n:
            if i >= len(lines):
                raise MutantError(f"{where}: hunk {line.strip()} ends early: it promises {old_n} old and "
                                  f"{new_n} new lines")
            body = lines[i]
            tag, rest = (body[:1], body[1:]) if body else (" ", "")  # an empty line is empty context
            if tag == " ":
                old.append(rest)
                new.append(rest)
            elif tag == "-":
                old.append(rest)
            elif tag == "+":
                new.append(rest)
            elif tag == "\\":  # "\ No newline at end of file"
                pass
            else:
                raise MutantError(f"{where}: hunk {line.strip()}: line {i + 1} starts with {tag!r}, not ' ', '-' or '+'")
            i += 1
        if len(old) != old_n or len(new) != new_n:
            raise MutantError(f"{where}: hunk {line.strip()} does not have the {old_n} old and {new_n} new lines it promises")
        while i < len(lines) and lines[i].startswith("\\"):
            i += 1
        hunks.append(Hunk(line.strip(), int(m.group(1)), old, new))
    if not hunks:
        raise MutantError(f"{where}: the patch has no hunks")
    return hunks


def apply_patch(reference: str, patch: str, where: str = "patch") -> str:
    """Apply a unified diff to ``reference`` strictly: no fuzz, every context line must match.

    A hunk is looked for at the line its @@ header names (shifted by what earlier hunks added or
    removed), then at the nearest place below the previous hunk where all its old lines match
    exactly. When there is none, the error names the hunk and its first line that does not match.
    """
    src = reference.splitlines()
    out: list[str] = []
    pos = 0  # next unconsumed line of src
    for h in parse_patch(patch, where):
        want = h.old_start - 1 if h.old else h.old_start  # an insertion goes after line old_start
        found = _find(src, h.old, max(want, pos), pos)
        if found is None:
            raise MutantError(f"{where} no longer applies to reference.py: {_mismatch(src, h, max(want, pos))}")
        out += src[pos:found] + h.new
        pos = found + len(h.old)
    out += src[pos:]
    return "\n".join(out) + ("\n" if out and (reference.endswith("\n") or not reference) else "")


def _find(src: list[str], old: list[str], want: int, floor: int) -> int | None:
    """The start nearest ``want`` (not before ``floor``) where ``old`` stands in ``src``."""
    places = range(floor, len(src) - len(old) + 1)
    for at in sorted(places, key=lambda at: (abs(at - want), at)):
        if src[at:at + len(old)] == old:
            return at
    return None


def _mismatch(src: list[str], h: Hunk, at: int) -> str:
    for k, line in enumerate(h.old):
        n = at + k
        if n >= len(src):
            return (f"hunk {h.header} expects line {n + 1} to be {line!r}, but reference.py has only "
                    f"{len(src)} lines")
        if src[n] != line:
            return (f"hunk {h.header}: line {n + 1} of reference.py is {src[n]!r}, the patch expects "
                    f"{line!r} (and the hunk's lines stand nowhere else)")
    return f"hunk {h.header} overlaps the hunk before it"
