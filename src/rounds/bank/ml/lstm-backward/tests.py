"""LSTM backward against torch autograd through nn.LSTM in float64 on the host.

Separate cases put the upstream gradient only on the outputs, only on h_T or only on c_T, so a
missing path shows on its own; long sequences check that gradients keep flowing back.
"""

import numpy as np
import torch

from rounds.testkit import Call, custom, floats

inputs_unchanged = True
_tol = floats(atol=1e-10, rtol=1e-8, dtype="float64")
KEYS = ("dx", "dh0", "dc0", "dW_ih", "dW_hh", "db_ih", "db_hh")


def _check(actual, expected, args):
    if not isinstance(actual, dict) or set(actual) != set(KEYS):
        return f"return a dict with exactly the keys {list(KEYS)}"
    for k in KEYS:
        o = _tol(actual[k], expected[k], args)
        if not o.ok:
            return f"{k}: {o.message}"
    return None


checker = custom(_check)


def oracle(x, h0, c0, W_ih, W_hh, b_ih, b_hh, go, ghT, gcT):
    D, H = x.shape[2], h0.shape[1]
    m = torch.nn.LSTM(D, H, dtype=torch.float64)
    params = {"weight_ih_l0": W_ih, "weight_hh_l0": W_hh, "bias_ih_l0": b_ih, "bias_hh_l0": b_hh}
    with torch.no_grad():
        for name, v in params.items():
            getattr(m, name).copy_(torch.tensor(v))
    xt = torch.tensor(x, requires_grad=True)
    h0t = torch.tensor(h0[None], requires_grad=True)
    c0t = torch.tensor(c0[None], requires_grad=True)
    out, (hT, cT) = m(xt, (h0t, c0t))
    loss = (out * torch.tensor(go)).sum() + (hT[0] * torch.tensor(ghT)).sum() + (cT[0] * torch.tensor(gcT)).sum()
    loss.backward()
    return {"dx": xt.grad.numpy(), "dh0": h0t.grad[0].numpy(), "dc0": c0t.grad[0].numpy(),
            "dW_ih": m.weight_ih_l0.grad.numpy(), "dW_hh": m.weight_hh_l0.grad.numpy(),
            "db_ih": m.bias_ih_l0.grad.numpy(), "db_hh": m.bias_hh_l0.grad.numpy()}


def _case(g, T, B, D, H, note, which=("out", "h", "c"), name=""):
    x = g.normal(size=(T, B, D))
    h0, c0 = g.normal(size=(B, H)), g.normal(size=(B, H))
    W_ih = g.normal(size=(4 * H, D)) / np.sqrt(D)
    W_hh = g.normal(size=(4 * H, H)) / np.sqrt(H)
    b_ih, b_hh = g.normal(size=4 * H) * 0.5, g.normal(size=4 * H) * 0.5
    go = g.normal(size=(T, B, H)) if "out" in which else np.zeros((T, B, H))
    ghT = g.normal(size=(B, H)) if "h" in which else np.zeros((B, H))
    gcT = g.normal(size=(B, H)) if "c" in which else np.zeros((B, H))
    args = (x, h0, c0, W_ih, W_hh, b_ih, b_hh, go, ghT, gcT)
    return Call(args, expected=oracle(*args), note=note, name=name)


def examples(level):
    g = np.random.default_rng(41)
    return [_case(g, 3, 2, 4, 5, "gradients on the outputs and both final states", name="three steps")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    cases = [
        _case(g, 1, 1, 1, 1, "one step, one unit"),
        _case(g, 4, 2, 3, 4, "gradient only on the outputs", which=("out",)),
        _case(g, 4, 2, 3, 4, "gradient only on h_T: it must flow back through every step", which=("h",)),
        _case(g, 4, 2, 3, 4, "gradient only on c_T: the cell path, through the forget gates", which=("c",)),
        _case(g, 6, 3, 5, 6, "all three upstream gradients"),
        _case(g, 100, 8, 32, 32, "100 steps, batch 8, width 32"),
    ]
    for _ in range(3):
        cases.append(_case(g, rng.randint(1, 10), rng.randint(1, 4), rng.randint(1, 8), rng.randint(1, 8),
                           "random layer"))
    return cases
