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
        # Preallocated buffers, doubled when full: appending is O(new positions), not O(cache).
        self._K = torch.empty(n_heads, 16, self.dh, dtype=Wq.dtype)
        self._V = torch.empty(n_heads, 16, self.dh, dtype=Wq.dtype)
        self.n = 0

    def _heads(self, x):  # (T, d) -> (h, T, dh)
        return x.reshape(x.shape[0], self.h, self.dh).transpose(0, 1)

    def _append(self, k, v):
        T = k.shape[1]
        if self.window is not None:
            # Rolling window: keep the last `window` positions at the front of the buffer.
            K = torch.cat([self._K[:, : self.n], k], dim=1)[:, -self.window:]
            V = torch.cat([self._V[:, : self.n], v], dim=1)[:, -self.window:]
            self._K, self._V, self.n = K, V, K.shape[1]
            return
        if self.n + T > self._K.shape[1]:
            cap = max(self.n + T, 2 * self._K.shape[1])
            K = torch.empty(self.h, cap, self.dh, dtype=k.dtype)
            V = torch.empty(self.h, cap, self.dh, dtype=v.dtype)
            K[:, : self.n] = self._K[:, : self.n]
            V[:, : self.n] = self._V[:, : self.n]
            self._K, self._V = K, V
        self._K[:, self.n:self.n + T] = k
        self._V[:, self.n:self.n + T] = v
        self.n += T

    def prefill(self, X):
        T = X.shape[0]
        q = self._heads(X @ self.Wq.T)
        k_new = self._heads(X @ self.Wk.T)
        v_new = self._heads(X @ self.Wv.T)
        past = self.n
        K = torch.cat([self._K[:, :past], k_new], dim=1)
        V = torch.cat([self._V[:, :past], v_new], dim=1)
        scores = q @ K.transpose(1, 2) / math.sqrt(self.dh)  # (h, T, past + T)
        qpos = torch.arange(T).unsqueeze(1) + past  # index of each query inside K
        kpos = torch.arange(past + T).unsqueeze(0)
        masked = kpos > qpos
        if self.window is not None:
            masked |= kpos <= qpos - self.window
        scores = scores.masked_fill(masked, float("-inf"))
        out = torch.softmax(scores, dim=-1) @ V  # (h, T, dh)
        self._append(k_new, v_new)
        return out.transpose(0, 1).reshape(T, self.d) @ self.Wo.T

    def step(self, x):
        # The one-token case of prefill, without a mask: the new query sees every cached key.
        q = (self.Wq @ x).view(self.h, 1, self.dh)
        k = (self.Wk @ x).view(self.h, 1, self.dh)
        v = (self.Wv @ x).view(self.h, 1, self.dh)
        self._append(k, v)
        K, V = self._K[:, : self.n], self._V[:, : self.n]
        w = torch.softmax(q @ K.transpose(1, 2) / math.sqrt(self.dh), dim=-1)
        return self.Wo @ (w @ V).reshape(self.d)

    def cache_len(self):
        return self.n

    def cache(self):
        return self._K[:, : self.n].clone(), self._V[:, : self.n].clone()
