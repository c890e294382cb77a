"""LSTM and GRU layers against torch.nn.LSTM / nn.GRU in float64 on the host, the padded level via
pack_padded_sequence and pad_packed_sequence.

Gate orders are checked by giving every gate block different weight scales; padding is filled with
large values so a layer that reads it changes its final states; one case drives the
pre-activations to 1e3.
"""

import numpy as np
import torch

from rounds.testkit import Call, custom, floats

inputs_unchanged = True
_tol = floats(atol=1e-10, rtol=1e-8, dtype="float64")


def _check(actual, expected, args):
    names = ("outputs", "h_T", "c_T")[:len(expected)]
    if not isinstance(actual, tuple) or len(actual) != len(expected):
        return f"return a tuple ({', '.join(names)})"
    for name, a, e in zip(names, actual, expected, strict=True):
        o = _tol(a, e, args)
        if not o.ok:
            return f"{name}: {o.message}"
    return None


checker = custom(_check)


def _weights(g, gates, D, H, scale):
    # each gate block gets its own scale, so a permuted gate order shows
    blocks = np.repeat(np.linspace(0.5, 1.5, gates), H)[:, None]
    W_ih = g.normal(size=(gates * H, D)) * blocks * scale / np.sqrt(D)
    W_hh = g.normal(size=(gates * H, H)) * blocks * scale / np.sqrt(H)
    b_ih = g.normal(size=gates * H) * scale * 0.5
    b_hh = g.normal(size=gates * H) * scale * 0.5
    return W_ih, W_hh, b_ih, b_hh


def _torch_rnn(kind, D, H, W_ih, W_hh, b_ih, b_hh):
    m = (torch.nn.LSTM if kind == "lstm" else torch.nn.GRU)(D, H, dtype=torch.float64)
    with torch.no_grad():
        for name, v in (("weight_ih_l0", W_ih), ("weight_hh_l0", W_hh), ("bias_ih_l0", b_ih), ("bias_hh_l0", b_hh)):
            getattr(m, name).copy_(torch.tensor(v))
    return m


def lstm_oracle(x, h0, c0, W_ih, W_hh, b_ih, b_hh, lengths=None):
    m = _torch_rnn("lstm", x.shape[2], h0.shape[1], W_ih, W_hh, b_ih, b_hh)
    state = (torch.tensor(h0)[None], torch.tensor(c0)[None])
    with torch.no_grad():
        if lengths is None:
            out, (h, c) = m(torch.tensor(x), state)
        else:
            packed = torch.nn.utils.rnn.pack_padded_sequence(torch.tensor(x), torch.tensor(lengths),
                                                             enforce_sorted=False)
            out, (h, c) = m(packed, state)
            out, _ = torch.nn.utils.rnn.pad_packed_sequence(out, total_length=x.shape[0])
    return out.numpy(), h[0].numpy(), c[0].numpy()


def gru_oracle(x, h0, W_ih, W_hh, b_ih, b_hh):
    m = _torch_rnn("gru", x.shape[2], h0.shape[1], W_ih, W_hh, b_ih, b_hh)
    with torch.no_grad():
        out, h = m(torch.tensor(x), torch.tensor(h0)[None])
    return out.numpy(), h[0].numpy()


def _lstm(g, T, B, D, H, note, scale=1.0, zero_state=False, name=""):
    W = _weights(g, 4, D, H, scale)
    x = g.normal(size=(T, B, D))
    h0 = np.zeros((B, H)) if zero_state else g.normal(size=(B, H))
    c0 = np.zeros((B, H)) if zero_state else g.normal(size=(B, H))
    return Call((x, h0, c0) + W, expected=lstm_oracle(x, h0, c0, *W), note=note, name=name)


def _gru(g, T, B, D, H, note, scale=1.0, name=""):
    W = _weights(g, 3, D, H, scale)
    x = g.normal(size=(T, B, D))
    h0 = g.normal(size=(B, H))
    return Call((x, h0) + W, expected=gru_oracle(x, h0, *W), entry="gru_forward", note=note, name=name)


def _padded(g, T, lengths, D, H, note, name=""):
    B = len(lengths)
    W = _weights(g, 4, D, H, 1.0)
    lengths = np.array(lengths, dtype=np.int64)
    x = g.normal(size=(T, B, D))
    for b in range(B):
        x[lengths[b]:, b] = 50.0  # loud padding: reading it changes the final state
    h0, c0 = g.normal(size=(B, H)), g.normal(size=(B, H))
    return Call((x, lengths, h0, c0) + W, expected=lstm_oracle(x, h0, c0, *W, lengths=lengths),
                entry="lstm_forward_padded", note=note, name=name)


def examples(level):
    g = np.random.default_rng(31)
    if level == 1:
        return [_lstm(g, 3, 2, 4, 5, "three steps, batch of two, zero initial state", zero_state=True,
                      name="a short sequence")]
    if level == 2:
        return [_gru(g, 3, 2, 4, 5, "three steps, batch of two", name="a short sequence")]
    return [_padded(g, 3, [3, 1], 4, 5, "sequence 1 has one real step", name="lengths 3 and 1")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    if level == 1:
        cases = [
            _lstm(g, 1, 1, 1, 1, "one step, one unit"),
            _lstm(g, 5, 3, 4, 6, "gate blocks in the order i, f, g, o"),
            _lstm(g, 8, 2, 3, 4, "a nonzero initial state (h0, c0)"),
            _lstm(g, 4, 2, 5, 3, "pre-activations around 1e3: saturated gates", scale=300.0),
            _lstm(g, 200, 16, 64, 64, "200 steps, batch 16, width 64"),
        ]
        for _ in range(3):
            cases.append(_lstm(g, rng.randint(1, 12), rng.randint(1, 4), rng.randint(1, 8), rng.randint(1, 8),
                               "random layer"))
        return cases
    if level == 2:
        cases = [
            _gru(g, 1, 1, 1, 1, "one step, one unit"),
            _gru(g, 5, 3, 4, 6, "blocks r, z, n; the reset gate scales W_hn h + b_hn"),
            _gru(g, 6, 2, 3, 4, "z interpolates: h' = (1 - z) n + z h", scale=2.0),
            _gru(g, 200, 16, 64, 64, "200 steps, batch 16, width 64"),
        ]
        for _ in range(3):
            cases.append(_gru(g, rng.randint(1, 12), rng.randint(1, 4), rng.randint(1, 8), rng.randint(1, 8),
                              "random layer"))
        return cases
    cases = [
        _padded(g, 4, [4, 4], 3, 3, "no padding: the same as level 1"),
        _padded(g, 5, [2, 5, 1], 3, 4, "unsorted lengths: each sequence's final state is at its own last step"),
        _padded(g, 6, [1, 1, 1], 2, 3, "every sequence has one real step"),
        _padded(g, 200, [200, 1, 37, 199, 120, 5, 64, 2, 150, 90, 10, 180, 33, 77, 8, 111], 32, 32,
                "16 sequences of lengths 1 to 200"),
    ]
    for _ in range(3):
        T = rng.randint(1, 15)
        cases.append(_padded(g, T, [rng.randint(1, T) for _ in range(rng.randint(1, 5))], rng.randint(1, 6),
                             rng.randint(1, 6), "random lengths"))
    return cases
