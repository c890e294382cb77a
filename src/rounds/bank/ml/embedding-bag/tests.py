import numpy as np

from rounds.testkit import Call, floats

checker = floats(atol=1e-12, rtol=1e-10, dtype="float64")
inputs_unchanged = True  # the contract: the call leaves its arguments as they were
MODES = ("sum", "mean", "max")


def _torch(weight, indices, offsets, mode, dout=None):
    """The float64 oracle: PyTorch's embedding_bag and its autograd."""
    import torch

    t = torch.tensor(weight, dtype=torch.float64, requires_grad=dout is not None)
    y = torch.nn.functional.embedding_bag(torch.tensor(indices), t, torch.tensor(offsets), mode=mode)
    if dout is None:
        return y.detach().numpy()
    y.backward(torch.tensor(dout))
    return t.grad.numpy()


def _inputs(g):
    out = []
    w = g.normal(size=(6, 3))
    out.append((w, np.array([1, 4, 1, 1]), np.array([0]), "one bag with a repeated id"))
    out.append((w, np.array([0, 5, 2, 3]), np.array([0, 1, 1, 4]), "an empty bag in the middle and a last bag that is empty"))
    out.append((w, np.array([2, 2, 2]), np.array([0, 1, 2]), "the same id in every bag"))
    out.append((-np.abs(g.normal(size=(5, 4))) - 1.0, np.array([0, 1, 2, 3, 4]), np.array([0, 2]),
                "all embeddings negative: max must not start from 0"))
    out.append((w, np.array([3]), np.array([0]), "a single id"))
    out.append((w, np.zeros(0, dtype=np.int64), np.array([0, 0]), "no ids at all: two empty bags"))
    for _ in range(3):
        v, d, m, b = int(g.integers(2, 30)), int(g.integers(1, 8)), int(g.integers(0, 40)), int(g.integers(1, 9))
        offsets = np.sort(g.integers(0, m + 1, size=b))
        offsets[0] = 0
        out.append((g.normal(size=(v, d)), g.integers(0, v, size=m), offsets, "random bags"))
    v, m, b = 5000, 20000, 1000
    offsets = np.sort(g.integers(0, m + 1, size=b))
    offsets[0] = 0
    out.append((g.normal(size=(v, 16)), g.integers(0, v, size=m), offsets, "1000 bags, 20000 ids, a 5000-row table"))
    return out


def examples(level):
    w = np.array([[1.0, -1.0], [2.0, 0.0], [-3.0, 5.0]])
    if level == 1:
        return [Call((w, np.array([0, 2, 1]), np.array([0, 2, 2]), "mean"), name="mean with an empty bag"),
                Call((w, np.array([0, 2, 1]), np.array([0, 2, 2]), "max"), name="max with an empty bag")]
    return [Call((w, np.array([0, 0, 2]), np.array([0]), np.array([[3.0, 6.0]]), "mean"), entry="embedding_bag_backward",
                 name="a repeated id collects twice")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    cases = []
    for i, (w, idx, off, note) in enumerate(_inputs(g)):
        if note == "random bags":
            modes = (MODES[i % 3],)
        elif note.startswith("1000 bags"):
            modes = ("mean", "max")
        else:
            modes = MODES
        for mode in modes:
            if level == 1:
                cases.append(Call((w, idx, off, mode), expected=_torch(w, idx, off, mode), note=f"{mode}: {note}"))
            else:
                dout = g.normal(size=(len(off), w.shape[1]))
                cases.append(Call((w, idx, off, dout, mode), expected=_torch(w, idx, off, mode, dout),
                                  entry="embedding_bag_backward", note=f"{mode}: {note}"))
    bad = (g.normal(size=(3, 2)), np.array([0, 1]), np.array([0]))
    if level == 1:
        cases.append(Call(bad + ("avg",), note="an unknown mode raises ValueError"))
    else:
        cases.append(Call(bad + (np.ones((1, 2)), "min"), entry="embedding_bag_backward", note="an unknown mode raises ValueError"))
    return cases
