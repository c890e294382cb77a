import math

import torch


class CachedAttention:
    """Causal multi-head self-attention for incremental decoding, with a key/value cache."""

    def __init__(self, Wq, Wk, Wv, Wo, n_heads, window=None):
        self.Wq, self.Wk, self.Wv, self.Wo = Wq, Wk, Wv, Wo
        self.h = n_heads
        self.d = Wq.shape[0]
        self.dh = self.d // n_heads
        self.window = window
        self.K = torch.zeros(n_heads, 0, self.dh, dtype=Wq.dtype)
        self.V = torch.zeros(n_heads, 0, self.dh, dtype=Wq.dtype)
        self.pos = 0  # tokens seen so far

    def _heads(self, x):  # (T, d) -> (h, T, dh)
        return x.reshape(x.shape[0], self.dh, self.h).permute(2, 0, 1)

    def prefill(self, X):
        T = X.shape[0]
        q = self._heads(X @ self.Wq.T)
        k_new = self._heads(X @ self.Wk.T)
        v_new = self._heads(X @ self.Wv.T)
        past = self.K.shape[1]
        K = torch.cat([self.K, k_new], dim=1)
        V = torch.cat([self.V, v_new], dim=1)
        scores = q @ K.transpose(1, 2) / math.sqrt(self.dh)  # (h, T, past + T)
        qpos = torch.arange(T).unsqueeze(1) + past  # index of each query inside K
        kpos = torch.arange(past + T).unsqueeze(0)
        masked = kpos > qpos
        if self.window is not None:
            masked |= kpos <= qpos - self.window
        scores = scores.masked_fill(masked, float("-inf"))
        out = torch.softmax(scores, dim=-1) @ V  # (h, T, dh)
        if self.window is not None:
            K, V = K[:, -self.window:], V[:, -self.window:]
        self.K, self.V = K, V
        self.pos += T
        return out.permute(1, 2, 0).reshape(T, self.d) @ self.Wo.T

    def step(self, x):
        # The one-token case of prefill, without building a mask: the new query sees every cached key.
        q = (self.Wq @ x).view(self.dh, self.h).T.reshape(self.h, 1, self.dh)
        k = (self.Wk @ x).view(self.dh, self.h).T.reshape(self.h, 1, self.dh)
        v = (self.Wv @ x).view(self.dh, self.h).T.reshape(self.h, 1, self.dh)
        K = torch.cat([self.K, k], dim=1)
        V = torch.cat([self.V, v], dim=1)
        if self.window is not None:
            K, V = K[:, -self.window:], V[:, -self.window:]
        self.K, self.V = K, V
        self.pos += 1
        w = torch.softmax(q @ K.transpose(1, 2) / math.sqrt(self.dh), dim=-1)
        return self.Wo @ (w @ V).reshape(self.h, self.dh).T.reshape(self.d)

    def cache_len(self):
        return self.K.shape[1]

    def cache(self):
        return self.K.clone(), self.V.clone()
