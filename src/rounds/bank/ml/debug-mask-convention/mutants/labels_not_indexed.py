"""Ticket classifier: token embeddings, attention pooling over the real tokens, a linear head.

Token id 0 is padding; every batch is right-padded to the same length.
"""

import torch
import torch.nn.functional as F
from torch import nn

PAD = 0
STEPS = 150
BATCH_SIZE = 32
LR = 5e-3
DIM = 32


class AttentionPool(nn.Module):
    """Scores every position, softmaxes over the real tokens, returns their weighted sum."""

    def __init__(self, dim: int) -> None:
        super().__init__()
        self.score = nn.Linear(dim, 1)

    def forward(self, h: torch.Tensor, key_padding_mask: torch.Tensor) -> torch.Tensor:
        # key_padding_mask: bool (batch, length), True where the position is padding.
        s = self.score(h).squeeze(-1)
        s = s.masked_fill(key_padding_mask, float("-inf"))
        weights = F.softmax(s, dim=-1)
        return torch.einsum("bl,bld->bd", weights, h)


class TicketClassifier(nn.Module):
    def __init__(self, vocab: int, dim: int, n_classes: int) -> None:
        super().__init__()
        self.embed = nn.Embedding(vocab, dim, padding_idx=PAD)
        self.ff = nn.Sequential(nn.Linear(dim, dim), nn.ReLU())
        self.pool = AttentionPool(dim)
        self.head = nn.Linear(dim, n_classes)

    def forward(self, tokens: torch.Tensor, key_padding_mask: torch.Tensor) -> torch.Tensor:
        h = self.ff(self.embed(tokens))
        return self.head(self.pool(h, key_padding_mask))


def padding_mask(tokens: torch.Tensor) -> torch.Tensor:
    """The mask the model expects: True at padding positions."""
    return tokens == PAD


def train(tokens_train: torch.Tensor, y_train: torch.Tensor, tokens_test: torch.Tensor, seed: int):
    """Train on (tokens_train, y_train); return (losses, test_logits).

    losses: list[float], the training loss of every optimiser step, exactly STEPS of them.
    test_logits: float tensor (len(tokens_test), n_classes) of raw scores.
    """
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    vocab = int(max(tokens_train.max(), tokens_test.max())) + 1
    n_classes = int(y_train.max()) + 1
    model = TicketClassifier(vocab, DIM, n_classes)
    opt = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=0.01)

    losses: list[float] = []
    while len(losses) < STEPS:
        perm = torch.randperm(len(tokens_train), generator=g)
        for start in range(0, len(perm), BATCH_SIZE):
            idx = perm[start:start + BATCH_SIZE]
            tokens, labels = tokens_train[idx], y_train[start:start + BATCH_SIZE]
            logits = model(tokens, padding_mask(tokens))
            loss = F.cross_entropy(logits, labels)
            opt.zero_grad()
            loss.backward()
            opt.step()
            losses.append(loss.item())
            if len(losses) == STEPS:
                break

    model.eval()
    with torch.no_grad():
        test_logits = model(tokens_test, padding_mask(tokens_test))
    return losses, test_logits
