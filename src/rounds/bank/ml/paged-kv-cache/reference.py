import heapq

import numpy as np


class PagedKVCache:
    """A pool of fixed-size KV blocks shared by many sequences, as in vLLM's PagedAttention."""

    def __init__(self, num_blocks, block_size, num_heads, head_dim):
        self.bs = block_size
        self.K = np.zeros((num_blocks, num_heads, block_size, head_dim))
        self.V = np.zeros((num_blocks, num_heads, block_size, head_dim))
        self.free_heap = list(range(num_blocks))  # the lowest-numbered free block is used first
        self.refs = [0] * num_blocks
        self.tables = {}  # seq_id -> list of physical blocks, in logical order
        self.lengths = {}

    def _alloc(self):
        b = heapq.heappop(self.free_heap)
        self.refs[b] = 1
        return b

    def _release(self, b):
        self.refs[b] -= 1
        if self.refs[b] == 0:
            heapq.heappush(self.free_heap, b)

    def append(self, seq_id, k, v):
        table = self.tables.get(seq_id, [])
        n = self.lengths.get(seq_id, 0)
        slot = n % self.bs
        if slot == 0:  # the last block is full (or there is none): a fresh block
            if not self.free_heap:
                raise MemoryError("no free block")
            table = table + [self._alloc()]
        elif self.refs[table[-1]] > 1:  # shared with a fork: copy it before writing
            if not self.free_heap:
                raise MemoryError("no free block")
            old = table[-1]
            new = self._alloc()
            self.K[new], self.V[new] = self.K[old], self.V[old]
            self._release(old)
            table = table[:-1] + [new]
        b = table[-1]
        self.K[b, :, slot] = k
        self.V[b, :, slot] = v
        self.tables[seq_id] = table
        self.lengths[seq_id] = n + 1

    def _gather(self, seq_id):
        table, n = self.tables[seq_id], self.lengths[seq_id]
        K = np.concatenate([self.K[b] for b in table], axis=1)[:, :n]
        V = np.concatenate([self.V[b] for b in table], axis=1)[:, :n]
        return K, V

    def gather(self, seq_id):
        K, V = self._gather(seq_id)
        return K.copy(), V.copy()

    def attend(self, seq_id, q):
        K, V = self._gather(seq_id)  # (h, n, d)
        s = np.einsum("hd,hnd->hn", q, K) / np.sqrt(q.shape[-1])
        p = np.exp(s - s.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        return np.einsum("hn,hnd->hd", p, V)

    def block_table(self, seq_id):
        return list(self.tables[seq_id])

    def num_free_blocks(self):
        return len(self.free_heap)

    def free(self, seq_id):
        for b in self.tables.pop(seq_id):
            self._release(b)
        del self.lengths[seq_id]

    def fork(self, src, dst):
        table = self.tables[src]
        for b in table:
            self.refs[b] += 1  # shared, not copied
        self.tables[dst] = list(table)
        self.lengths[dst] = self.lengths[src]
