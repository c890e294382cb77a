"""MoE routing and the MoE layer.

Routing decisions (expert indices and kept flags) are checked exactly, weights and outputs to
float64 tolerance. Cases are built so that the serving order matters (first choices of all tokens
before second choices), ties occur (equal logits), capacity binds at 0, 1 and in between, and
the balancing loss is counted before drops. The project's tests compare the layer with a dense
loop over tokens.
"""

import numpy as np

from rounds.testkit import Call, custom, floats

inputs_unchanged = True
_w = floats(atol=1e-12, rtol=1e-9, dtype="float64")
_y = floats(atol=1e-10, rtol=1e-8, dtype="float64")


def _exact(a, e, what, dtype):
    if not isinstance(a, np.ndarray):
        return f"{what} is a {type(a).__name__}, expected a numpy array"
    if a.dtype != dtype:
        return f"{what} has dtype {a.dtype}, expected {np.dtype(dtype)}"
    if a.shape != e.shape:
        return f"{what} has shape {a.shape}, expected {e.shape}"
    bad = np.argwhere(a != e)
    if bad.size:
        idx = tuple(int(i) for i in bad[0])
        return f"{what} differs at {len(bad)} positions, first at index {idx} (got {a[idx]})"
    return None


def _check_route(actual, expected, args):
    if not isinstance(actual, tuple) or len(actual) != 3:
        return "return a tuple (idx, weights, kept)"
    why = _exact(actual[0], expected[0], "idx", np.int64) or _exact(actual[2], expected[2], "kept", np.bool_)
    if why:
        return why
    o = _w(actual[1], expected[1], args)
    return None if o.ok else f"weights: {o.message}"


def _check_layer(actual, expected, args):
    if not isinstance(actual, tuple) or len(actual) != 2:
        return "return a tuple (y, aux)"
    if not isinstance(actual[1], float):
        return f"aux must be a Python float, got {type(actual[1]).__name__}"
    o = _y(actual[1], expected[1], args)
    if not o.ok:
        return f"aux: {o.message}"
    o = _y(actual[0], expected[0], args)
    return None if o.ok else f"y: {o.message}"


checker = custom(_check_route)
layer_check = custom(_check_layer)


def _r(logits, k, cap, note, name=""):
    return Call((logits, k, cap), note=note, name=name)


def _layer(g, T, d, E, k, cap, note, router_scale=1.0, skew=0.0, name=""):
    x = g.normal(size=(T, d))
    W = g.normal(size=(d, E)) * router_scale / np.sqrt(d)
    W[:, 0] += skew  # push the router towards expert 0
    experts = g.normal(size=(E, d, d)) / np.sqrt(d)
    return Call((x, W, experts, k, cap), entry="moe_forward", check=layer_check, note=note, name=name)


def examples(level):
    if level == 1:
        return [_r(np.array([[2.0, 1.0, 0.0], [2.0, 0.0, 1.0], [0.0, 2.0, 1.0]]), 2, 1,
                   "first choices are served before second choices", name="three tokens, three experts")]
    g = np.random.default_rng(5)
    return [_layer(g, 6, 4, 3, 2, 3, "six tokens, top-2 of three experts, capacity 3", name="a small layer")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    if level == 1:
        tie = np.array([[1.0, 1.0, 1.0, 1.0], [0.0, 3.0, 3.0, 0.0], [5.0, 5.0, 0.0, 5.0]])
        order = np.array([[3.0, 2.0, 0.0], [0.0, 3.0, 2.0], [3.0, 0.0, 2.0], [2.0, 3.0, 0.0]])
        cases = [
            _r(g.normal(size=(8, 4)), 1, 8, "top-1 with room for everyone: nothing dropped"),
            _r(tie, 2, 10, "equal probabilities: the lower expert index comes first"),
            _r(g.normal(size=(5, 3)), 2, 0, "capacity 0: every assignment is dropped"),
            _r(order, 2, 2, "capacity 2: a second choice loses to a later token's first choice"),
            _r(np.array([[4.0, 1.0, 0.0]] * 3 + [[4.0, 0.0, 1.0]] * 2), 2, 3, "five tokens all prefer expert 0: "
               "tokens 3 and 4 lose it and keep only their second choice, whose weight is not renormalised"),
            _r(g.normal(size=(6, 5)) * 1e3, 2, 3, "logits of magnitude 1e3"),
            _r(g.normal(size=(7, 4)), 4, 7, "k = E: every expert, in order of probability"),
            _r(g.normal(size=(4096, 64)), 2, int(1.25 * 4096 * 2 / 64), "4096 tokens, 64 experts, capacity "
               "factor 1.25"),
        ]
        for _ in range(4):
            T, E = rng.randint(1, 40), rng.randint(2, 8)
            k = rng.randint(1, E)
            logits = g.integers(-2, 3, size=(T, E)).astype(np.float64)  # small integers: many ties
            cases.append(_r(logits, k, rng.randint(0, T), "random routing with ties"))
        return cases
    cases = [
        _layer(g, 16, 8, 4, 1, 16, "top-1, no drops: each token goes through its one expert"),
        _layer(g, 16, 8, 4, 2, 16, "top-2, no drops: two experts mixed by the renormalised weights"),
        _layer(g, 32, 8, 4, 1, 4, "a router skewed to expert 0 with capacity 4: most tokens are dropped, "
               "the balancing loss counts them anyway", skew=3.0),
        _layer(g, 12, 6, 3, 2, 0, "capacity 0: y is all zeros, aux is not"),
        _layer(g, 20, 8, 8, 2, 3, "eight experts, top-2, tight capacity", router_scale=3.0),
        _layer(g, 2048, 64, 16, 2, 320, "2048 tokens, 16 experts"),
    ]
    g2 = np.random.default_rng(rng.randrange(2**32))
    x = g2.normal(size=(10, 4))
    cases.append(Call((x, np.zeros((4, 4)), g2.normal(size=(4, 4, 4)), 2, 10), entry="moe_forward",
                      check=layer_check, note="a zero router: uniform probabilities, ties go to experts 0 and 1"))
    for _ in range(3):
        E = rng.randint(2, 8)
        cases.append(_layer(g, rng.randint(1, 40), rng.randint(1, 10), E, rng.randint(1, E), rng.randint(0, 20),
                            "random layer", router_scale=rng.choice([1.0, 4.0])))
    return cases
