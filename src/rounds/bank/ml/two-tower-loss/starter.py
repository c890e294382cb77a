import torch


def in_batch_softmax_loss(q, d, temperature, log_q=None, item_ids=None):
    """In-batch softmax loss of a two-tower retrieval model.

    q: float64 (B, k) query embeddings; d: float64 (B, k) item embeddings, d[i] the positive for q[i];
    temperature: float > 0. Level 2: log_q, float64 (B,), log sampling probability of each in-batch
    item. Level 3: item_ids, int64 (B,). Returns a 0-d float64 tensor: the mean loss over queries.
    """
    raise NotImplementedError
