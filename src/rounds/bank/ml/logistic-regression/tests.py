import numpy as np

from rounds.testkit import Call, floats

checker = floats(atol=1e-10, rtol=1e-9)
grad_checker = floats(atol=1e-10, rtol=1e-8)
train_checker = floats(atol=1e-9, rtol=1e-7)


def _torch(w, b, x, y, grad):
    """The float64 oracle: PyTorch's BCE-with-logits and its autograd."""
    import torch

    tw = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    tb = torch.tensor(float(b), dtype=torch.float64, requires_grad=True)
    loss = torch.nn.functional.binary_cross_entropy_with_logits(torch.tensor(x) @ tw + tb, torch.tensor(y))
    if not grad:
        return float(loss.detach())
    loss.backward()
    return tw.grad.numpy(), float(tb.grad)


def _problems(g):
    out = []
    x = g.normal(size=(20, 3))
    y = (g.random(20) < 0.5).astype(np.float64)
    out.append((g.normal(size=3), 0.3, x, y, "small random problem"))
    out.append((g.normal(size=3) * 400, 0.0, x, y, "scores in the hundreds: confidently right and wrong"))
    out.append((np.array([1.0]), 0.0, np.array([[-1000.0], [1000.0], [-1000.0]]), np.array([1.0, 0.0, 0.0]),
                "z = -1000 with y = 1 and z = 1000 with y = 0: losses of 1000 each"))
    out.append((np.array([2.0, -1.0]), -3e3, g.normal(size=(4, 2)), np.ones(4), "a huge negative bias"))
    out.append((np.zeros(2), 0.0, g.normal(size=(5, 2)), np.array([1.0, 0, 1, 1, 0]), "zero weights: log 2"))
    out.append((g.normal(size=4), 1.0, g.normal(size=(1, 4)), np.array([0.0]), "one example"))
    for _ in range(3):
        n, d = int(g.integers(1, 40)), int(g.integers(1, 6))
        out.append((g.normal(size=d) * float(g.choice([0.5, 5.0, 50.0])), float(g.normal()), g.normal(size=(n, d)),
                    (g.random(n) < 0.5).astype(np.float64), "random"))
    x = g.normal(size=(5000, 50))
    out.append((g.normal(size=50), 0.1, x, (g.random(5000) < 0.3).astype(np.float64), "5000 x 50"))
    return out


def examples(level):
    w, x1 = np.array([1.0]), np.array([[0.0]])
    if level == 1:
        return [Call((w, 0.0, x1, np.array([1.0])), name="z = 0"),
                Call((w, 0.0, np.array([[-1000.0]]), np.array([1.0])), name="confidently wrong"),
                Call((w, 0.0, np.array([[1000.0]]), np.array([1.0])), name="confidently right")]
    if level == 2:
        a = (w, 0.0, np.array([[2.0], [-1.0]]), np.array([1.0, 0.0]))
        return [Call(a, expected=_torch(*a, True), entry="logistic_grad", check=grad_checker, name="two examples")]
    return [Call((np.array([[1.0], [-1.0]]), np.array([1.0, 0.0]), 0.5, 2), entry="train_logistic",
                 check=train_checker, name="two steps")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    if level in (1, 2):
        grad = level == 2
        return [Call((w, b, x, y), expected=_torch(w, b, x, y, grad), entry="logistic_grad" if grad else "logistic_loss",
                     check=grad_checker if grad else checker, note=note) for w, b, x, y, note in _problems(g)]
    cases = []
    x = g.normal(size=(40, 3)) + 1.0
    y = (x @ np.array([1.0, -2.0, 0.5]) + g.normal(size=40) > 0).astype(np.float64)
    for lr, steps, note in [(0.5, 1, "one step"), (0.5, 0, "zero steps"), (0.3, 60, "60 steps"),
                            (1.0, 500, "500 steps")]:
        cases.append(Call((x, y, lr, steps), entry="train_logistic", check=train_checker, note=note))
    xs = np.array([[-2.0], [-1.0], [1.0], [2.0]])
    cases.append(Call((xs, np.array([0.0, 0.0, 1.0, 1.0]), 2.0, 200), entry="train_logistic", check=train_checker,
                      note="separable data: the weights keep growing"))
    cases.append(Call((g.normal(size=(25, 2)), np.ones(25), 0.5, 30), entry="train_logistic", check=train_checker,
                      note="a single class: only the bias should matter much"))
    x = g.normal(size=(3000, 20))
    y = (x @ g.normal(size=20) > 0).astype(np.float64)
    cases.append(Call((x, y, 0.5, 100), entry="train_logistic", check=train_checker, note="3000 x 20, 100 steps"))
    return cases
