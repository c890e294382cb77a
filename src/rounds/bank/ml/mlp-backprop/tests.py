import numpy as np

from rounds.testkit import Call, custom, floats

checker = floats(atol=1e-9, rtol=1e-9)
grad_checker = floats(atol=1e-10, rtol=1e-8, dtype="float64")


def _autograd(x, y, w1, b1, w2, b2):
    """The float64 oracle for level 2."""
    import torch

    p = [torch.tensor(a, dtype=torch.float64, requires_grad=True) for a in (w1, b1, w2, b2)]
    z = torch.relu(torch.tensor(x) @ p[0] + p[1]) @ p[2] + p[3]
    torch.nn.functional.cross_entropy(z, torch.tensor(y)).backward()
    return tuple(a.grad.numpy() for a in p)


def _params(g, d, h, c, scale=1.0):
    return (g.normal(size=(d, h)) * scale, g.normal(size=h) * 0.5, g.normal(size=(h, c)) * scale, g.normal(size=c) * 0.5)


def _nets(g):
    out = [((1, 2, 3, 2), 1.0, "one example"), ((5, 3, 4, 3), 1.0, "a small batch"),
           ((4, 2, 6, 2), 1.0, "square-ish shapes: transposes matter"), ((6, 3, 5, 4), 60.0, "logits in the thousands"),
           ((8, 4, 1, 3), 1.0, "one hidden unit"), ((7, 1, 3, 5), 1.0, "one input feature")]
    for _ in range(3):
        n, d, h, c = (int(s) for s in g.integers(1, 9, size=4))
        out.append(((n, d, h, max(c, 2)), 1.0, "random sizes"))
    out.append(((512, 64, 128, 10), 0.2, "512 x 64 -> 128 -> 10"))
    return out


def _xor(g, n):
    x = g.uniform(-1, 1, size=(n, 2))
    return x, ((x[:, 0] > 0) ^ (x[:, 1] > 0)).astype(np.int64)


def _rings(g, n):
    x = g.uniform(-1, 1, size=(n, 2))
    r = np.hypot(x[:, 0], x[:, 1])
    return x, ((r < 0.6).astype(np.int64) + (r < 0.3))


def _spirals(g, n, k=3):
    t = g.uniform(0.1, 1.0, size=n)
    c = g.integers(0, k, size=n)
    a = 4 * t + 2 * np.pi * c / k
    return np.stack([t * np.cos(a), t * np.sin(a)], axis=1) + g.normal(size=(n, 2)) * 0.02, c


def _fits(x_test, y_test):
    def check(actual, expected, args):
        x, y, c = args[0], args[1], args[2]
        if not isinstance(actual, tuple | list) or len(actual) != 4:
            return "return the tuple (w1, b1, w2, b2)"
        try:
            w1, b1, w2, b2 = (np.asarray(a, dtype=np.float64) for a in actual)
        except (TypeError, ValueError):
            return "the parameters must be numeric arrays"
        h = w1.shape[1] if w1.ndim == 2 else -1
        if w1.shape != (2, h) or b1.shape != (h,) or w2.shape != (h, c) or b2.shape != (c,):
            return f"parameter shapes {w1.shape}, {b1.shape}, {w2.shape}, {b2.shape} do not fit a 2 -> H -> {c} network"
        if not all(np.isfinite(a).all() for a in (w1, b1, w2, b2)):
            return "the parameters contain nan or inf: the training diverged"

        def acc(xx, yy):
            return float(((np.maximum(xx @ w1 + b1, 0) @ w2 + b2).argmax(axis=1) == yy).mean())

        tr, te = acc(x, y), acc(x_test, y_test)
        if tr < 0.95:
            return f"training accuracy {tr:.3f}, needs at least 0.95"
        if te < 0.90:
            return f"accuracy on fresh points {te:.3f}, needs at least 0.90 (training accuracy {tr:.3f})"
        return None

    return custom(check)


def examples(level):
    x, y = np.array([[1.0, -1.0]]), np.array([1])
    args = (x, y, np.eye(2), np.zeros(2), np.array([[1.0, 0.0], [0.0, 1.0]]), np.zeros(2))
    if level == 1:
        return [Call(args, name="one example")]
    if level == 2:
        return [Call(args, expected=_autograd(*args), entry="mlp_backward", check=grad_checker, name="one example")]
    g = np.random.default_rng(0)
    x, y = _xor(g, 300)
    xt, yt = _xor(g, 1000)
    return [Call((x, y, 2), {"seed": 0}, entry="train_mlp", check=_fits(xt, yt), name="XOR quadrants")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    if level == 3:
        cases = []
        for make, c, note in [(_xor, 2, "XOR quadrants"), (_rings, 3, "three concentric rings"), (_spirals, 3, "three spirals")]:
            x, y = make(g, 300)
            xt, yt = make(g, 1000)
            cases.append(Call((x, y, c), {"seed": int(g.integers(0, 1000))}, entry="train_mlp", check=_fits(xt, yt), note=note))
        return cases
    cases = []
    if level == 2:
        # Whole-number inputs and weights put exact zeros into the pre-activations: ReLU'(0) = 0.
        x = g.integers(-2, 3, size=(6, 3)).astype(np.float64)
        w1 = g.integers(-1, 2, size=(3, 5)).astype(np.float64)
        w1[:, 0] = [1.0, -1.0, 0.0]  # unit 0 is exactly 0 wherever x[:, 0] == x[:, 1]
        x[:3, 1] = x[:3, 0]
        args = (x, g.integers(0, 3, size=6), w1, np.zeros(5), g.normal(size=(5, 3)), g.normal(size=3) * 0.5)
        cases.append(Call(args, expected=_autograd(*args), entry="mlp_backward", check=grad_checker,
                          note="pre-activations exactly 0: the ReLU derivative there is 0"))
    for (n, d, h, c), scale, note in _nets(g):
        args = (g.normal(size=(n, d)), g.integers(0, c, size=n)) + _params(g, d, h, c, scale)
        if level == 1:
            cases.append(Call(args, note=note))
        else:
            cases.append(Call(args, expected=_autograd(*args), entry="mlp_backward", check=grad_checker, note=note))
    return cases
