import numpy as np

from rounds.testkit import Call, floats

checker = floats(atol=1e-12, rtol=1e-10, dtype="float64")
inputs_unchanged = True  # the contract: the call leaves its arguments as they were


def _torch_sgd(param, grad, velocity, lr, momentum=0.9, weight_decay=0.0, nesterov=False):
    """The oracle: one step of torch.optim.SGD in float64 from the given momentum buffer."""
    import torch

    p = torch.tensor(param, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([p], lr=lr, momentum=momentum, weight_decay=weight_decay, nesterov=nesterov, foreach=False)
    opt.state[p]["momentum_buffer"] = torch.tensor(velocity, dtype=torch.float64)
    p.grad = torch.tensor(grad, dtype=torch.float64)
    opt.step()
    if momentum == 0:  # PyTorch keeps no buffer then; the contract's velocity is g itself
        return p.detach().numpy().copy(), grad + weight_decay * param
    return p.detach().numpy().copy(), opt.state[p]["momentum_buffer"].numpy().copy()


def _torch_adam(cls, param, grad, m, v, t, **kw):
    """The oracle: one step of torch.optim.Adam / AdamW in float64 from the given moments."""
    import torch

    p = torch.tensor(param, dtype=torch.float64, requires_grad=True)
    opt = getattr(torch.optim, cls)([p], foreach=False, **kw)
    opt.state[p]["step"] = torch.tensor(float(t - 1), dtype=torch.float64)
    opt.state[p]["exp_avg"] = torch.tensor(m, dtype=torch.float64)
    opt.state[p]["exp_avg_sq"] = torch.tensor(v, dtype=torch.float64)
    p.grad = torch.tensor(grad, dtype=torch.float64)
    opt.step()
    st = opt.state[p]
    return p.detach().numpy().copy(), st["exp_avg"].numpy().copy(), st["exp_avg_sq"].numpy().copy()


def _sgd(args, kw, note):
    return Call(args, kw, expected=_torch_sgd(*args, **kw), entry="sgd_momentum_step", note=note)


def _adam(entry, args, kw, note):
    cls = "Adam" if entry == "adam_step" else "AdamW"
    return Call(args, kw, expected=_torch_adam(cls, *args, **kw), entry=entry, note=note)


def examples(level):
    p, g = np.array([1.0, -2.0]), np.array([0.5, 0.5])
    if level == 1:
        return [Call((p, g, np.zeros(2), 0.1), entry="sgd_momentum_step", name="first step")]
    z = np.zeros(2)
    if level == 2:
        return [Call((p, g, z, z, 1), {"lr": 0.1}, entry="adam_step", name="first step: the update is lr * sign(g)")]
    return [Call((p, g, z, z, 1), {"lr": 0.1, "weight_decay": 0.5}, entry="adamw_step", name="first step with decay")]


def _state(g, shape, t):
    m = g.normal(size=shape) * 0.1
    v = g.uniform(0.0, 0.05, size=shape) if t > 1 else np.zeros(shape)
    return (m if t > 1 else np.zeros(shape)), v


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    if level == 1:
        cases = []
        for shape, kw, note in [((3,), {}, "zero velocity: the first step"),
                                ((2, 3), {"momentum": 0.9}, "existing velocity"),
                                ((4,), {"momentum": 0.5, "nesterov": True}, "Nesterov momentum"),
                                ((3, 2), {"weight_decay": 0.1}, "weight decay folded into the gradient"),
                                ((5,), {"weight_decay": 0.05, "nesterov": True, "momentum": 0.99}, "Nesterov with decay"),
                                ((2,), {"momentum": 0.0}, "momentum 0: plain SGD"),
                                ((1,), {}, "a single parameter")]:
            vel = np.zeros(shape) if "first" in note else g.normal(size=shape)
            cases.append(_sgd((g.normal(size=shape), g.normal(size=shape), vel, float(g.choice([0.01, 0.1, 1.0]))), kw, note))
        cases.append(_sgd((g.normal(size=(256, 512)), g.normal(size=(256, 512)), g.normal(size=(256, 512)), 0.01),
                          {"momentum": 0.9, "nesterov": True, "weight_decay": 1e-4}, "a 256 x 512 weight"))
        return cases
    entry = "adam_step" if level == 2 else "adamw_step"
    cases = []
    spec = [((3,), 1, {}, "the first step: bias correction matters most"),
            ((2, 3), 2, {"lr": 0.01}, "second step"),
            ((4,), 1000, {"lr": 3e-4}, "step 1000: the corrections are almost 1"),
            ((3,), 5, {"betas": (0.8, 0.99), "eps": 1e-3}, "custom betas and a large eps"),
            ((5,), 3, {"lr": 0.1, "weight_decay": 0.1}, "weight decay"),
            ((2,), 10, {"eps": 1e-12, "lr": 0.05}, "tiny eps")]
    for shape, t, kw, note in spec:
        m, v = _state(g, shape, t)
        kw2 = dict(kw)
        if "betas" in kw2:
            b1, b2 = kw2.pop("betas")
            kw2.update(beta1=b1, beta2=b2)
        args = (g.normal(size=shape), g.normal(size=shape) * float(g.choice([1e-3, 1.0, 100.0])), m, v, t)
        want = _torch_adam("Adam" if level == 2 else "AdamW", *args, **kw)
        cases.append(Call(args, kw2, expected=want, entry=entry, note=note))
    grad = np.zeros(3)
    grad[0] = 1.0
    args = (np.ones(3), grad, np.zeros(3), np.zeros(3), 1)
    cases.append(Call(args, {"lr": 0.1}, expected=_torch_adam("Adam" if level == 2 else "AdamW", *args, lr=0.1),
                      entry=entry, note="zero gradient entries: eps keeps 0 / 0 away"))
    big = (g.normal(size=(256, 512)), g.normal(size=(256, 512)), g.normal(size=(256, 512)) * 0.01,
           g.uniform(0, 1e-3, size=(256, 512)), 37)
    cases.append(Call(big, {"lr": 1e-3}, expected=_torch_adam("Adam" if level == 2 else "AdamW", *big, lr=1e-3),
                      entry=entry, note="a 256 x 512 weight at step 37"))
    return cases
