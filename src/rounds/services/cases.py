"""The visible side of a problem's tests: examples as readable text, and the user's own inputs.

Custom inputs are Python literals (and NumPy array constructors of literals, see ACCEPTED) typed
by the user and evaluated by the reference on the host; nothing else in them runs:

* function problems: the arguments of one call, e.g. ``3, [[1, 0], [2, 1]]``;
* operation-stream problems: a list of calls, each ``("method", arg, ...)``; a first call named
  ``__init__`` gives the constructor's arguments, e.g. ``[("__init__", 2), ("put", "a", 1)]``.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from typing import Any

from rounds.content.package import Problem
from rounds.content.testkit import Call, Case, Ops, Threads
from rounds.judge.checkers import short
from rounds.judge.graders.base import Context, Raises, fmt_call
from rounds.judge.graders.function import expected_of
from rounds.judge.graders.opstream import reference_steps
from rounds.services.errors import InvalidInput

MAX_CUSTOM = 10
MAX_CUSTOM_CHARS = 20_000


ACCEPTED = ("Python literals (numbers, strings, lists, tuples, dicts, sets, None, True, False) and "
            "NumPy arrays built from them: np.array, np.asarray, np.zeros, np.ones, np.full, np.arange, "
            "np.linspace, np.eye, with an optional dtype such as dtype=np.float32 or dtype='int64'")
_NP_CALLS = frozenset({"array", "asarray", "zeros", "ones", "full", "arange", "linspace", "eye"})
_NP_DTYPES = frozenset({"float16", "float32", "float64", "int8", "int16", "int32", "int64", "uint8", "bool_",
                        "complex64", "complex128"})
MAX_ARRAY_ELEMENTS = 1_000_000


def parse_custom(problem: Problem, texts: Sequence[str], labels: Sequence[str] | None = None) -> list[Case]:
    """Turn the user's inputs into cases; InvalidInput says which one is wrong and why.

    ``labels`` name the inputs in messages (default ``custom input 1``, ``custom input 2``, ...;
    the page passes ``input 2 (line 3)``)."""
    if texts and problem.grader == "unittest":
        raise InvalidInput("an imported task runs its own unittest files; custom inputs need a reference solution, which it lacks")
    if len(texts) > MAX_CUSTOM:
        raise InvalidInput(f"at most {MAX_CUSTOM} custom inputs per run, got {len(texts)}")
    cases: list[Case] = []
    for i, text in enumerate(texts, 1):
        label = labels[i - 1] if labels is not None and i <= len(labels) else f"custom input {i}"
        if len(text) > MAX_CUSTOM_CHARS:
            raise InvalidInput(f"{label} is longer than {MAX_CUSTOM_CHARS} characters")
        name = f"custom {i}"
        if problem.grader == "opstream":
            cases.append(_ops(text, label, name))
        else:
            cases.append(Call(_literal(f"({text},)" if text.strip() else "()", label), name=name,
                              note="your input; the expected value is the reference's answer"))
    return cases


def _literal(text: str, label: str) -> Any:
    """Evaluate ``text`` as a literal, NumPy array constructors allowed; nothing else runs."""
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except (SyntaxError, ValueError, MemoryError, RecursionError) as exc:
        msg = exc.msg if isinstance(exc, SyntaxError) else str(exc)
        raise InvalidInput(f"{label} is not a Python literal: {msg}. Accepted: {ACCEPTED}.") from None
    try:
        return _value(tree.body)
    except _Refused as exc:
        raise InvalidInput(f"{label}: {exc}. Accepted: {ACCEPTED}.") from None
    except (ValueError, TypeError, MemoryError, RecursionError, OverflowError) as exc:
        raise InvalidInput(f"{label} could not be built: {exc}") from None


class _Refused(Exception):
    pass


def _source(node: ast.AST) -> str:
    text = ast.unparse(node)
    return text if len(text) <= 60 else text[:57] + "..."


def _value(node: ast.expr) -> Any:
    if isinstance(node, ast.Call):
        return _np_call(node)
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        v = _value(node.operand)
        if isinstance(v, int | float | complex) and not isinstance(v, bool):
            return -v if isinstance(node.op, ast.USub) else v
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Sub):  # complex numbers: 1+2j
        left, right = _value(node.left), _value(node.right)
        if isinstance(left, int | float) and isinstance(right, complex):
            return left + right if isinstance(node.op, ast.Add) else left - right
    if isinstance(node, ast.Tuple):
        return tuple(_value(e) for e in node.elts)
    if isinstance(node, ast.List):
        return [_value(e) for e in node.elts]
    if isinstance(node, ast.Set):
        return {_value(e) for e in node.elts}
    if isinstance(node, ast.Dict):
        if any(k is None for k in node.keys):
            raise _Refused(f"{_source(node)} unpacks a dict (**)")
        return {_value(k): _value(v) for k, v in zip(node.keys, node.values, strict=True) if k is not None}
    raise _Refused(f"{_source(node)} is not a literal")


def _np_name(node: ast.expr) -> str | None:
    """``np.x`` or ``numpy.x`` as ``x``."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in ("np", "numpy"):
        return node.attr
    return None


def _np_call(node: ast.Call) -> Any:
    import numpy as np

    fn = _np_name(node.func)
    if fn not in _NP_CALLS:
        raise _Refused(f"{_source(node)} calls {_source(node.func)}, which is not accepted")
    args = [_value(a) for a in node.args]
    kwargs: dict[str, Any] = {}
    for kw in node.keywords:
        if kw.arg != "dtype":
            raise _Refused(f"{_source(node)}: only the keyword dtype= is accepted")
        dt = _np_name(kw.value)
        if dt is not None and dt in _NP_DTYPES:
            kwargs["dtype"] = getattr(np, dt)
        elif isinstance(kw.value, ast.Constant) and kw.value.value in _NP_DTYPES | {"float", "int", "bool"}:
            kwargs["dtype"] = kw.value.value
        elif isinstance(kw.value, ast.Name) and kw.value.id in ("float", "int", "bool"):
            kwargs["dtype"] = kw.value.id
        else:
            raise _Refused(f"{_source(node)}: dtype {_source(kw.value)} is not accepted")
    size = _np_size(fn, args)
    if size > MAX_ARRAY_ELEMENTS:
        raise _Refused(f"{_source(node)} would hold {size} elements; at most {MAX_ARRAY_ELEMENTS}")
    return getattr(np, fn)(*args, **kwargs)


def _np_size(fn: str, args: list[Any]) -> int:
    """Elements an array constructor would allocate (checked before it runs)."""
    try:
        if fn in ("zeros", "ones", "full"):
            shape = args[0] if args else 0
            dims = shape if isinstance(shape, tuple | list) else (shape,)
            n = 1
            for d in dims:
                n *= int(d)
            return n
        if fn == "arange":
            lo, hi, step = (0, args[0], 1) if len(args) == 1 else (args + [1])[:3]
            return max(0, int((hi - lo) / step)) if step else 0
        if fn == "linspace":
            return int(args[2]) if len(args) > 2 else 50
        if fn == "eye":
            n = int(args[0])
            return n * (int(args[1]) if len(args) > 1 and args[1] is not None else n)
    except (TypeError, ValueError, IndexError, ZeroDivisionError, OverflowError):
        return 0
    return 0


def _ops(text: str, label: str, name: str) -> Ops:
    calls = _literal(text, label)
    if not isinstance(calls, list | tuple) or not all(
            isinstance(c, list | tuple) and c and isinstance(c[0], str) for c in calls):
        raise InvalidInput(f'{label} must be a list of calls like [("method", arg, ...), ...]')
    init: tuple[Any, ...] = ()
    if calls and calls[0][0] == "__init__":
        init = tuple(calls[0][1:])
        calls = calls[1:]
    if not calls:
        raise InvalidInput(f"{label} calls no method")
    return Ops([(c[0], tuple(c[1:])) for c in calls], init=init, name=name,
               note="your input; the expected values are the reference's answers")


def _show(value: Any) -> str:
    if isinstance(value, Raises):
        return f"raises {value.type_name}"
    return short(value, 400)


def examples_markdown(problem: Problem, upto_level: int) -> str:
    """The visible examples of levels 1..upto_level with the reference's answers, as Markdown."""
    ctx = Context(problem=problem, source="")
    intro = ("`rounds test` runs these: the task's own unittest files, one per level. They are the whole "
             "contract (an imported task has no reference solution), and `rounds submit` runs the same files."
             if problem.grader == "unittest" else
             "`rounds test` runs these. Answers come from the reference solution; where the contract "
             "allows several right answers, any of them passes.")
    out = [f"# Examples: {problem.title}", "", intro, ""]
    for lv in range(1, upto_level + 1):
        if problem.multi_level:
            out += [f"## Level {lv}: {problem.level(lv).title}", ""]
        cases = problem.examples(lv)
        if not cases:
            out += ["(no examples for this level)", ""]
        for i, case in enumerate(cases, 1):
            out += _case_lines(problem, ctx, case, f"example {lv}.{i}")
    return "\n".join(out).rstrip() + "\n"


def _case_lines(problem: Problem, ctx: Context, case: Case, default: str) -> list[str]:
    title = case.name or default
    lines = [f"### {title}", ""]
    if case.note:
        lines += [case.note, ""]
    lines.append("```")
    if isinstance(case, Call):
        lines.append(f"{fmt_call(case.entry or problem.entry, case.args)}  ->  {_show(expected_of(case, ctx))}")
    elif isinstance(case, Ops):
        lines.append(f"obj = {fmt_call(problem.entry, case.init)}")
        for (method, args), (kind, value) in zip(case.ops, reference_steps(ctx, case.init, case.ops), strict=True):
            shown = f"raises {value}" if kind == "raise" else short(value, 200)
            lines.append(f"obj.{fmt_call(method, args)}  ->  {shown}")
    elif problem.grader == "unittest":  # an imported task's own test file, shown as it is
        from rounds.judge.graders.unittests import TASK_DIR

        path = getattr(case, "path", "")
        lines[-1] = "```python"
        lines += (problem.root / TASK_DIR / path).read_text(encoding="utf-8").rstrip().splitlines()
    elif isinstance(case, Threads):
        lines.append(f"obj = {fmt_call(problem.entry, case.init)}")
        for method, args in case.setup:
            lines.append(f"obj.{fmt_call(method, args)}")
        for t, ops in enumerate(case.threads, 1):
            lines.append(f"thread {t}: " + "; ".join(fmt_call(m, a) for m, a in ops))
        for method, args in case.final:
            lines.append(f"then obj.{fmt_call(method, args)}")
    lines += ["```", ""]
    return lines
