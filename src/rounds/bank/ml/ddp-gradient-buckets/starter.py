import numpy as np


def assign_buckets(param_bytes, bucket_cap, first_bucket_cap):
    """Group parameters into gradient buckets, the way DDP does.

    param_bytes: list of ints, the gradient size of parameters 0..P-1 in registration order.
    Walk the parameters in reverse order, appending each to the current bucket; close the bucket as
    soon as its total reaches (>=) the cap: first_bucket_cap for the first bucket, bucket_cap after.
    A parameter is never split; a last, unfilled bucket is kept. Return a list of buckets, each a
    list of parameter indices in the order they were added.
    """
    raise NotImplementedError


def reduce_buckets(grads_per_rank, buckets, ready_order):
    """Level 2: simulate the backward pass.

    grads_per_rank: list of R lists of P float64 arrays. ready_order: a permutation of 0..P-1, the
    order in which gradients become ready. Bucket b is launched when all its parameters are ready
    and every bucket before it has been launched. Return (averaged, launched_at): averaged is the
    list of P arrays, each the mean over ranks; launched_at[b] is the number of gradients ready
    (1-based position in ready_order) when bucket b was launched.
    """
    raise NotImplementedError
