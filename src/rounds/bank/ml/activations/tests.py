import numpy as np

from rounds.testkit import Call, floats

checker = floats(atol=1e-10, rtol=1e-9, dtype="float64")
inputs_unchanged = True  # the contract: the call leaves its arguments as they were
NAMES = ("relu", "gelu", "gelu_tanh", "silu")


def _torch(x, name, grad):
    """The float64 oracle: PyTorch's own activations, differentiated by autograd."""
    import torch

    f = {"relu": torch.relu, "gelu": torch.nn.functional.gelu, "silu": torch.nn.functional.silu,
         "gelu_tanh": lambda t: torch.nn.functional.gelu(t, approximate="tanh")}[name]
    t = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    y = f(t)
    if not grad:
        return y.detach().numpy()
    y.sum().backward()
    return t.grad.numpy()


def _call(x, name, level, note):
    grad = level == 2
    return Call((x, name), expected=_torch(x, name, grad), entry="activation_grad" if grad else "activation",
                note=f"{name}: {note}")


def examples(level):
    if level == 1:
        return [Call((np.array([-1.0, 0.0, 2.0]), "relu"), name="relu"),
                Call((np.array([1.0]), "gelu"), name="exact gelu"),
                Call((np.array([1.0]), "gelu_tanh"), name="tanh gelu"),
                Call((np.array([-1.0, 1.0]), "silu"), name="silu"),
                Call((np.array([1.0]), "swish2"), name="unknown name")]
    return [Call((np.array([-1.0, 0.0, 2.0]), "relu"), entry="activation_grad", name="relu'"),
            Call((np.array([0.0]), "gelu"), entry="activation_grad", name="gelu'(0)"),
            Call((np.array([0.0]), "silu"), entry="activation_grad", name="silu'(0)")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    entry = "activation" if level == 1 else "activation_grad"
    edge = np.array([0.0, -0.0, 1e-8, -1e-8, 0.5, -0.5, 3.0, -3.0, 8.0, -8.0, 40.0, -40.0, 1000.0, -1000.0])
    cases = []
    for name in NAMES:
        cases.append(_call(edge, name, level, "zero, tiny, moderate and extreme inputs"))
        cases.append(_call(g.normal(size=(3, 7)) * 2.5, name, level, "random (3, 7)"))
    cases.append(_call(np.linspace(-6, 6, 240).reshape(3, 1, 80), "gelu_tanh", level, "a grid on [-6, 6]"))
    cases.append(_call(np.linspace(-6, 6, 241), "gelu", level, "a grid on [-6, 6]: exact, not the tanh form"))
    cases.append(_call(np.linspace(-60, 60, 241), "silu", level, "a grid on [-60, 60]"))
    cases.append(_call(g.normal(size=(200, 100)) * 4, "gelu", level, "20,000 values"))
    cases.append(Call((np.array([1.0, 2.0]), "gelu_exact"), entry=entry, note="unknown name raises ValueError"))
    cases.append(Call((np.array([1.0]), "ReLU"), entry=entry, note="names are lower case; 'ReLU' is unknown"))
    return cases
