import numpy as np

from rounds.testkit import Call, floats

checker = floats(atol=1e-9, rtol=1e-9)
grad_checker = floats(atol=1e-10, rtol=1e-8, dtype="float64")


def _autograd(logits, targets):
    """The float64 oracle for level 2: autograd of the framework's cross-entropy."""
    import torch

    z = torch.tensor(logits, dtype=torch.float64, requires_grad=True)
    torch.nn.functional.cross_entropy(z, torch.tensor(targets)).backward()
    return z.grad.numpy()


def _grad_call(logits, targets, note):
    return Call((logits, targets), expected=_autograd(logits, targets), check=grad_checker,
                entry="cross_entropy_grad", note=note)


def _batches(g):
    out = [
        (np.array([[3.0, -1.0, 0.5]]), np.array([2]), "one row"),
        (np.zeros((3, 4)), np.array([0, 3, 1]), "all logits equal: loss log C"),
        (np.array([[1e4, 0.0, -1e4], [-1e4, 1e4, 0.0]]), np.array([2, 0]), "confidently wrong: a finite loss near 2e4"),
        (np.array([[1e4, 0.0], [0.0, 1e4]]), np.array([0, 1]), "confidently right: loss near 0"),
        (np.array([[5.0, 5.0], [1.0, 2.0], [0.0, 0.0], [7.0, -7.0]]), np.array([1, 1, 1, 1]), "every target the same class"),
        (g.normal(size=(7, 2)), g.integers(0, 2, size=7), "binary, odd batch"),
    ]
    for _ in range(5):
        n, c = int(g.integers(1, 12)), int(g.integers(2, 9))
        scale = float(g.choice([1.0, 10.0, 800.0]))
        out.append((g.normal(size=(n, c)) * scale, g.integers(0, c, size=n), "random batch"))
    out.append((g.normal(size=(256, 1000)) * 3, g.integers(0, 1000, size=256), "256 rows, 1000 classes"))
    return out


def examples(level):
    if level == 1:
        return [
            Call((np.array([[2.0, 1.0, 0.1]]), np.array([0])), name="one row"),
            Call((np.array([[0.0, 0.0], [0.0, 0.0]]), np.array([0, 1])), name="uniform: log 2"),
            Call((np.array([[1e4, 0.0]]), np.array([1])), name="confidently wrong"),
        ]
    return [
        Call((np.array([[0.0, 0.0]]), np.array([0])), entry="cross_entropy_grad", check=grad_checker, name="uniform row"),
        Call((np.array([[1e4, 0.0], [0.0, 0.0]]), np.array([1, 1])), entry="cross_entropy_grad",
             check=grad_checker, name="mean over two rows"),
    ]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    if level == 1:
        return [Call((z, t), note=note) for z, t, note in _batches(g)]
    return [_grad_call(z, t, note) for z, t, note in _batches(g)]
