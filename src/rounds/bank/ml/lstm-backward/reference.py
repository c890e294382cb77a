import numpy as np


def _sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def lstm_backward(x, h0, c0, W_ih, W_hh, b_ih, b_hh, grad_out, grad_hT, grad_cT):
    T = x.shape[0]
    H = h0.shape[1]
    # Forward, keeping what the backward needs.
    hs, cs, gates = [h0], [c0], []
    for t in range(T):
        a = x[t] @ W_ih.T + b_ih + hs[-1] @ W_hh.T + b_hh
        i, f = _sigmoid(a[:, :H]), _sigmoid(a[:, H:2 * H])
        g, o = np.tanh(a[:, 2 * H:3 * H]), _sigmoid(a[:, 3 * H:])
        c = f * cs[-1] + i * g
        hs.append(o * np.tanh(c))
        cs.append(c)
        gates.append((i, f, g, o))
    dx = np.zeros_like(x)
    dW_ih, dW_hh = np.zeros_like(W_ih), np.zeros_like(W_hh)
    db = np.zeros_like(b_ih)
    dh = grad_hT.copy()  # gradient flowing into h_t from later steps (and from h_T)
    dc = grad_cT.copy()
    for t in range(T - 1, -1, -1):
        i, f, g, o = gates[t]
        c, c_prev, h_prev = cs[t + 1], cs[t], hs[t]
        dh = dh + grad_out[t]  # h_t is also output t
        tc = np.tanh(c)
        do = dh * tc
        dc = dc + dh * o * (1 - tc * tc)  # through h_t = o * tanh(c_t)
        di, dg, df = dc * g, dc * i, dc * c_prev
        da = np.concatenate([di * i * (1 - i), df * f * (1 - f), dg * (1 - g * g), do * o * (1 - o)], axis=1)
        dW_ih += da.T @ x[t]
        dW_hh += da.T @ h_prev
        db += da.sum(axis=0)
        dx[t] = da @ W_ih
        dh = da @ W_hh  # to h_{t-1}
        dc = dc * f  # to c_{t-1}
    return {"dx": dx, "dh0": dh, "dc0": dc, "dW_ih": dW_ih, "dW_hh": dW_hh, "db_ih": db, "db_hh": db.copy()}
