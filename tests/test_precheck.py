"""Host-side checks before any code runs: size, syntax, banned APIs, the entry point."""

from __future__ import annotations

import ast
from pathlib import Path

from rounds.content.package import load_problem
from rounds.judge.banned import find_banned
from rounds.judge.engine import precheck

FIXTURE = Path(__file__).parent / "judge_cases" / "_bank" / "algo" / "double"


def banned(src, names):
    return [u.name for u in find_banned(ast.parse(src), names)]


def test_banned_apis_through_aliases():
    names = ["torch.nn.functional.scaled_dot_product_attention", "scipy.special.softmax", "sklearn"]
    assert banned("import torch.nn.functional as F\nF.scaled_dot_product_attention(q, k, v)", names) == [names[0]]
    assert banned("import torch\ntorch.nn.functional.scaled_dot_product_attention(q)", names) == [names[0]]
    assert banned("from scipy.special import softmax as sm\nsm(x)", names) == [names[1]]
    assert banned("from sklearn.linear_model import LinearRegression", names) == ["sklearn"]
    assert banned("import torch.nn.functional as F\nF.softmax(x)", names) == []
    assert banned("def scaled_dot_product_attention(q):\n    pass", names) == []


def test_precheck_messages():
    p = load_problem(FIXTURE)
    assert precheck(p, "def solve(x):\n    return 2 * x\n") is None
    assert "syntax error at line 1" in precheck(p, "def solve(:\n")
    assert "defines no function named solve" in precheck(p, "def other(x):\n    pass\n")
    assert "the limit is 256 KB" in precheck(p, "#" * 300_000 + "\ndef solve(x):\n    pass\n")
