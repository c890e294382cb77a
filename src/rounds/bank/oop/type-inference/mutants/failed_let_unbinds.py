"""A type checker for a toy language: tuple types, overloads with int-to-float widening,
generic functions by unification, and expressions with variables in nested scopes."""

from __future__ import annotations

import re

PRIMS = ("int", "float", "str", "bool")
VAR = re.compile(r"[A-Z][A-Za-z0-9]*")
TOKEN = re.compile(r"\s*(?:(\[)|(\])|(,)|([A-Za-z0-9_]+))")


def parse(text: str):
    """A type as a str (primitive or variable) or a tuple of types; None when invalid."""
    tokens = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m:
            return None
        tokens.append(m.group(m.lastindex))
        pos = m.end()

    def typ(i):
        if i >= len(tokens):
            return None, i
        t = tokens[i]
        if t == "[":
            items = []
            i += 1
            while True:
                item, i = typ(i)
                if item is None:
                    return None, i
                items.append(item)
                if i < len(tokens) and tokens[i] == ",":
                    i += 1
                    continue
                if i < len(tokens) and tokens[i] == "]":
                    return tuple(items), i + 1
                return None, i
        if t in PRIMS or VAR.fullmatch(t):
            return t, i + 1
        return None, i

    result, end = typ(0)
    return result if result is not None and end == len(tokens) else None


def fmt(t) -> str:
    return "[" + ", ".join(fmt(x) for x in t) + "]" if isinstance(t, tuple) else t


def type_vars(t) -> set[str]:
    if isinstance(t, tuple):
        return set().union(*(type_vars(x) for x in t))
    return {t} if t not in PRIMS else set()


def match(param, arg, env: dict) -> int | None:
    """Cost of passing `arg` where `param` is expected (binding type variables in env), or None."""
    if isinstance(param, tuple):
        if not isinstance(arg, tuple) or len(arg) != len(param):
            return None
        total = 0
        for p, a in zip(param, arg):
            c = match(p, a, env)
            if c is None:
                return None
            total += c
        return total
    if param in PRIMS:
        if arg == param:
            return 0
        return 1 if param == "float" and arg == "int" else None
    if param not in env:
        env[param] = arg
        return 0
    return 0 if env[param] == arg else None


def subst(t, env: dict):
    if isinstance(t, tuple):
        return tuple(subst(x, env) for x in t)
    return env.get(t, t)


class TypeEngine:
    def __init__(self) -> None:
        self.next_id = 1
        # one frame per live scope: {"funcs": [(id, name, params, ret)], "vars": {name: type}}
        self.scopes: list[dict] = [{"funcs": [], "vars": {}}]

    def _funcs(self):
        return [f for s in self.scopes for f in s["funcs"]]

    # ---- level 1 -------------------------------------------------------
    def canonical(self, type_str: str) -> str | None:
        t = parse(type_str)
        return None if t is None else fmt(t)

    def define(self, name: str, params: list[str], ret: str) -> int | None:
        ps = [parse(p) for p in params]
        r = parse(ret)
        if r is None or any(p is None for p in ps):
            return None
        if not type_vars(r) <= set().union(set(), *(type_vars(p) for p in ps)):
            return None
        if any(f[1] == name and f[2] == tuple(ps) for f in self._funcs()):
            return None
        fid = self.next_id
        self.next_id += 1
        self.scopes[-1]["funcs"].append((fid, name, tuple(ps), r))
        return fid

    def _ranked(self, name: str, args: list):
        """(cost, type-variable count, id, return type) of every applicable overload, best first."""
        if any(a is None or type_vars(a) for a in args):
            return []
        out = []
        for fid, fname, params, ret in self._funcs():
            if fname != name or len(params) != len(args):
                continue
            env: dict = {}
            cost = match(params, tuple(args), env)
            if cost is not None:
                out.append((cost, len(type_vars(params)), fid, subst(ret, env)))
        out.sort(key=lambda r: r[:3])
        return out

    def call(self, name: str, args: list[str]) -> str | None:
        ranked = self._ranked(name, [parse(a) for a in args])
        return fmt(ranked[0][3]) if ranked else None

    # ---- level 2 -------------------------------------------------------
    def candidates(self, name: str, args: list[str]) -> list[str]:
        return [f"{fid}({cost})" for cost, _, fid, _ in self._ranked(name, [parse(a) for a in args])]

    def signature(self, fid: int) -> str | None:
        for f, name, params, ret in self._funcs():
            if f == fid:
                return f"{name}({', '.join(fmt(p) for p in params)}) -> {fmt(ret)}"
        return None

    # ---- level 4 -------------------------------------------------------
    def _infer(self, expr):
        if isinstance(expr, str):
            if expr.startswith("$"):
                for s in reversed(self.scopes):
                    if expr[1:] in s["vars"]:
                        return s["vars"][expr[1:]]
                return None
            t = parse(expr)
            return None if t is None or type_vars(t) else t
        if not isinstance(expr, list) or not expr or not isinstance(expr[0], str):
            return None
        args = [self._infer(a) for a in expr[1:]]
        if any(a is None for a in args):
            return None
        ranked = self._ranked(expr[0], args)
        return ranked[0][3] if ranked else None

    def infer(self, expr) -> str | None:
        t = self._infer(expr)
        return None if t is None else fmt(t)

    def let(self, var: str, expr) -> str | None:
        t = self._infer(expr)
        if t is None:
            self.scopes[-1]["vars"].pop(var, None)
            return None
        self.scopes[-1]["vars"][var] = t
        return fmt(t)

    def push_scope(self) -> int:
        self.scopes.append({"funcs": [], "vars": {}})
        return len(self.scopes) - 1

    def pop_scope(self) -> bool:
        if len(self.scopes) == 1:
            return False
        self.scopes.pop()
        return True
