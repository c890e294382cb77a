import torch


def mmoe(x, expert_W, expert_b, gate_W, gate_b, top_k=None):
    """Multi-gate mixture of experts.

    x: float64 (B, d); expert_W: (E, h, d); expert_b: (E, h); gate_W: (T, E, d); gate_b: (T, E).
    Expert e: relu(x @ expert_W[e].T + expert_b[e]). Task t's gate: softmax over experts of
    x @ gate_W[t].T + gate_b[t]. Returns float64 (T, B, h): per task, the gate-weighted sum of experts.
    Level 2: top_k (int or None) keeps only each row's top_k gate logits before the softmax.
    """
    raise NotImplementedError


def load_balance_loss(x, gate_W, gate_b):
    """Level 3: float64 (T,): per task, E * sum_e f_e * P_e (see the statement)."""
    raise NotImplementedError
