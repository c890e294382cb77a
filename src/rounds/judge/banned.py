"""The host-side half of "from scratch": find banned APIs in the source before it runs.

Import aliases are followed (``import torch.nn.functional as F`` then
``F.scaled_dot_product_attention``). Calls reached by strings (``getattr``)
are caught at run time by the harness's tripwires instead.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass


@dataclass(frozen=True)
class BannedUse:
    name: str
    line: int


def _dotted(node: ast.AST) -> str | None:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def _matches(full: str, banned: str) -> bool:
    return full == banned or full.startswith(banned + ".")


def find_banned(tree: ast.AST, banned: list[str]) -> list[BannedUse]:
    if not banned:
        return []
    aliases: dict[str, str] = {}
    hits: list[BannedUse] = []

    def check(full: str, line: int) -> None:
        for b in banned:
            if _matches(full, b):
                hits.append(BannedUse(b, line))
                return

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                aliases[(a.asname or a.name).split(".")[0] if not a.asname else a.asname] = (
                    a.name if a.asname else a.name.split(".")[0]
                )
                check(a.name, node.lineno)
        elif isinstance(node, ast.ImportFrom) and node.module:
            for a in node.names:
                full = f"{node.module}.{a.name}"
                aliases[a.asname or a.name] = full
                check(full, node.lineno)
                check(node.module, node.lineno) if any(b == node.module for b in banned) else None
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute | ast.Name) and not isinstance(getattr(node, "ctx", None), ast.Store):
            d = _dotted(node)
            if d is None:
                continue
            head, _, rest = d.partition(".")
            if head in aliases:
                full = aliases[head] + ("." + rest if rest else "")
                check(full, node.lineno)
    seen = set()
    out = []
    for h in hits:
        if h.name not in seen:
            seen.add(h.name)
            out.append(h)
    return out
