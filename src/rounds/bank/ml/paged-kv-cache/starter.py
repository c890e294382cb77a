import numpy as np


class PagedKVCache:
    """A KV cache made of num_blocks fixed-size blocks of block_size tokens, shared by sequences.

    append(seq_id, k, v): k, v (num_heads, head_dim) for the sequence's next token; a new sequence
        starts on its first append. Take a new block (the lowest-numbered free one) when the last
        block is full or there is none; raise MemoryError (changing nothing) if none is free.
    gather(seq_id) -> (K, V), each (num_heads, length, head_dim) float64, tokens in order.
    attend(seq_id, q) -> (num_heads, head_dim): softmax(q . K / sqrt(head_dim)) V per head.
    block_table(seq_id) -> list of physical block ids in logical order.
    num_free_blocks() -> int. free(seq_id): return its blocks to the pool.
    Level 2: fork(src, dst): dst shares src's blocks (reference counts); an append into a shared
        last block first copies it to a new block (copy-on-write).
    Unknown seq_id in gather, attend, block_table, free or fork: raise KeyError.
    """

    def __init__(self, num_blocks, block_size, num_heads, head_dim):
        raise NotImplementedError

    def append(self, seq_id, k, v):
        raise NotImplementedError

    def gather(self, seq_id):
        raise NotImplementedError

    def attend(self, seq_id, q):
        raise NotImplementedError

    def block_table(self, seq_id):
        raise NotImplementedError

    def num_free_blocks(self):
        raise NotImplementedError

    def free(self, seq_id):
        raise NotImplementedError

    def fork(self, src, dst):
        raise NotImplementedError
