import numpy as np


class ZeroAdam:
    """Adam over data-parallel ranks, each rank keeping m and v for its own slice of the parameters."""

    def __init__(self, params, world_size, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        self.shapes = [np.shape(p) for p in params]
        self.sizes = [int(np.size(p)) for p in params]
        self.ws = world_size
        total = sum(self.sizes)
        self.part = -(-total // world_size)  # ceil: every rank owns the same number of slots
        flat = np.zeros(self.part * world_size)  # zero padding at the end
        flat[:total] = np.concatenate([np.asarray(p, dtype=np.float64).ravel() for p in params]) if total else []
        self.shards = [flat[r * self.part:(r + 1) * self.part].copy() for r in range(world_size)]
        self.m = [np.zeros(self.part) for _ in range(world_size)]
        self.v = [np.zeros(self.part) for _ in range(world_size)]
        self.lr, self.b1, self.b2, self.eps = lr, beta1, beta2, eps
        self.t = 0

    def _flat(self, arrays):
        out = np.zeros(self.part * self.ws)
        total = sum(self.sizes)
        if total:
            out[:total] = np.concatenate([np.asarray(a, dtype=np.float64).ravel() for a in arrays])
        return out

    def step(self, grads_per_rank):
        self.t += 1
        flats = [self._flat(g) for g in grads_per_rank]
        c1 = 1 - self.b1**self.t
        c2 = 1 - self.b2**self.t
        for r in range(self.ws):
            s = slice(r * self.part, (r + 1) * self.part)
            g = flats[0][s].copy()
            for f in flats[1:]:  # reduce-scatter: rank r receives the sum of its slice ...
                g = g + f[s]
            g = g / self.ws  # ... and averages it
            m, v = self.m[r], self.v[r]
            m *= self.b1
            m += (1 - self.b1) * g
            v *= self.b2
            v += (1 - self.b2) * g * g
            self.shards[r] -= self.lr * (m / c1) / (np.sqrt(v / c2) + self.eps)
        return self._gather()

    def _gather(self):  # all-gather the shards and cut the flat vector back into parameters
        flat = np.concatenate(self.shards)
        out, k = [], 0
        for shape, n in zip(self.shapes, self.sizes, strict=True):
            out.append(flat[k:k + n].reshape(shape).copy())
            k += n
        return out

    def shard(self, rank):
        return self.shards[rank].copy()

    def state_sizes(self):
        return [int(self.m[r].size + self.v[r].size) for r in range(self.ws)]
