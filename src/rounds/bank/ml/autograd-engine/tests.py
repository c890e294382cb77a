"""Programs of scalar operations, checked against PyTorch autograd in float64.

A program is a list of steps; step i appends a new node computed from earlier
nodes (inputs come first). The expected answer is torch's output value and
input gradients for the same program, not the reference's.
"""

import math

import torch

from rounds.testkit import Call, floats

checker = floats(atol=1e-9, rtol=1e-7)

LEVEL_OPS = {
    1: ["add", "sub", "mul", "neg", "pow", "add_const", "const_add", "mul_const", "const_mul", "const_sub"],
    2: ["add", "sub", "mul", "neg", "pow", "add_const", "const_add", "mul_const", "const_mul", "const_sub",
        "div", "const_div", "tanh", "relu", "exp"],
}


def _apply(op, a, vals, lib):
    x = vals[a[0]]
    if op == "add":
        return x + vals[a[1]]
    if op == "sub":
        return x - vals[a[1]]
    if op == "mul":
        return x * vals[a[1]]
    if op == "div":
        return x / vals[a[1]]
    if op == "neg":
        return -x
    if op == "pow":
        return x ** a[1]
    if op == "add_const":
        return x + a[1]
    if op == "const_add":
        return a[1] + x
    if op == "mul_const":
        return x * a[1]
    if op == "const_mul":
        return a[1] * x
    if op == "const_sub":
        return a[1] - x
    if op == "const_div":
        return a[1] / x
    if op == "tanh":
        return lib.tanh(x)
    if op == "relu":
        return lib.relu(x) if lib is torch else max(x, 0.0)
    if op == "exp":
        return lib.exp(x)
    raise ValueError(op)


def torch_oracle(program, inputs):
    """Output value and input gradients from torch autograd in float64."""
    xs = [torch.tensor(float(x), dtype=torch.float64, requires_grad=True) for x in inputs]
    vals = list(xs)
    for op, *a in program:
        vals.append(_apply(op, a, vals, torch))
    out = vals[-1]
    out.backward()
    return [out.item()] + [x.grad.item() if x.grad is not None else 0.0 for x in xs]


def case(program, inputs, note):
    return Call((program, inputs), expected=torch_oracle(program, inputs), note=note)


def _ok(op, a, vals):
    """Keep random programs away from poles, complex powers and overflow."""
    x = vals[a[0]]
    if op == "pow" and (a[1] < 0 or a[1] == 0.5):
        if abs(x) < 0.3 or (a[1] == 0.5 and x <= 0.1):
            return False
    if op in ("div",) and abs(vals[a[1]]) < 0.3:
        return False
    if op == "const_div" and abs(x) < 0.3:
        return False
    if op == "exp" and x > 5:
        return False
    return True


def random_program(rng, ops, n_inputs, n_steps):
    inputs = [round(rng.uniform(-2, 2), 3) for _ in range(n_inputs)]
    vals = list(inputs)
    program = []
    while len(program) < n_steps:
        op = rng.choice(ops)
        n = len(vals)
        i = rng.randrange(max(0, n - 4), n) if rng.random() < 0.7 else rng.randrange(n)
        j = rng.randrange(n)
        if op in ("add", "sub", "mul", "div"):
            a = [i, j]
        elif op == "pow":
            a = [i, rng.choice([2, 3, -1, 0.5])]
        elif op in ("add_const", "const_add", "mul_const", "const_mul", "const_sub", "const_div"):
            a = [i, round(rng.uniform(-2, 2), 2) or 1.5]
        else:
            a = [i]
        if not _ok(op, a, vals):
            continue
        v = _apply(op, a, vals, math)
        if not math.isfinite(v) or abs(v) > 1e4:
            continue
        vals.append(v)
        program.append([op, *a])
    return program, inputs


def examples(level):
    if level == 1:
        return [
            case([["mul", 0, 1], ["add", 2, 0]], [2.0, -3.0], "x*y + x: x feeds two nodes"),
            case([["pow", 0, 2], ["const_mul", 1, 3.0]], [1.5], "3 * x**2: constant on the left"),
        ]
    return [
        case([["mul", 0, 1], ["add", 3, 2], ["tanh", 4]], [0.5, -1.0, 0.25], "a neuron: tanh(w*x + b)"),
    ]


def hidden(level, rng):
    if level == 1:
        cases = [
            case([["add", 0, 1]], [1.0, 2.0], "one addition"),
            case([["mul", 0, 0]], [-1.5], "x*x: the same node twice, gradients must add up"),
            case([["mul_const", 0, 2.0], ["add_const", 0, 3.0], ["mul", 1, 2]], [0.7],
                 "a diamond: x reaches the output along two paths"),
            case([["mul", 0, 0], ["add", 2, 0]], [3.0, 5.0], "an input the output does not depend on has gradient 0"),
            case([["const_add", 0, 2.0], ["const_mul", 1, -3.0], ["const_sub", 2, 1.0]], [0.5],
                 "constants on the left: 2 + x, -3 * y, 1 - z"),
            case([["neg", 0], ["sub", 1, 2]], [4.0, 1.5, -2.0], "negation and subtraction"),
            case([["pow", 0, 3], ["pow", 0, -1], ["pow", 0, 0.5], ["add", 1, 2], ["add", 4, 3]], [2.0],
                 "powers 3, -1 and 0.5 of one input"),
            case([["mul", 0, 1], ["mul", 2, 2], ["mul", 3, 0], ["add", 4, 1], ["mul", 5, 3]], [0.9, -1.1],
                 "a node reused by several later nodes"),
        ]
        chain = []
        for k in range(2500):
            chain.append(["mul_const", k, 1.0001] if k % 2 == 0 else ["add_const", k, -0.0001])
        cases.append(case(chain, [0.5], "a chain 2500 operations deep: a recursive traversal exceeds Python's limit"))
    else:
        cases = [
            case([["relu", 0]], [0.0], "relu at exactly 0: gradient 0"),
            case([["relu", 0], ["relu", 1], ["add", 2, 3]], [-1.0, 2.0], "relu on both sides of 0"),
            case([["tanh", 0]], [0.3], "tanh"),
            case([["tanh", 0]], [8.0], "saturated tanh"),
            case([["exp", 0], ["mul", 1, 1]], [0.7], "exp reused"),
            case([["div", 0, 1], ["const_div", 0, 2.0], ["add", 2, 3]], [1.5, -0.8], "division both ways"),
            case([["mul", 0, 1], ["mul", 2, 3], ["add", 5, 6], ["add", 7, 4], ["tanh", 8],
                  ["const_sub", 9, 1.0], ["pow", 10, 2]], [0.5, -1.2, 0.8, 0.3, 0.1],
                 "squared error of a tanh neuron"),
        ]
        chain = []
        for k in range(2500):
            chain.append(["tanh", k])
        cases.append(case(chain, [1.2], "2500 nested tanh: a recursive traversal exceeds Python's limit"))
    for _ in range(8):
        program, inputs = random_program(rng, LEVEL_OPS[level], rng.randint(1, 5), rng.randint(3, 40))
        cases.append(case(program, inputs, "random program"))
    program, inputs = random_program(rng, LEVEL_OPS[level], 6, 1500)
    cases.append(case(program, inputs, "random program with 1500 operations"))
    return cases
