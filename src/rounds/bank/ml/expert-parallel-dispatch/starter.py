import numpy as np


def dispatch_plan(expert_ids, num_experts, world_size):
    """Plan the MoE dispatch all-to-all for top-1 routed tokens.

    expert_ids: list of world_size int64 arrays; expert_ids[r][i] is the expert of rank r's token i.
    Expert e lives on rank e // (num_experts // world_size). Return (send_counts, orders):
    send_counts (R, R) int64, send_counts[r, q] = number of rank r's tokens going to rank q;
    orders: list of R int64 arrays, orders[r] = rank r's token indices sorted by expert id, ties by
    position (a stable sort).
    """
    raise NotImplementedError


def all_to_all(features, expert_ids, num_experts, world_size):
    """Level 2: features[r] (n_r, d) float64. Return (received, received_experts): for every rank q,
    the rows it receives, from senders 0..R-1 in turn, each sender's rows in its sorted order, and
    the expert id of each received row (int64)."""
    raise NotImplementedError
