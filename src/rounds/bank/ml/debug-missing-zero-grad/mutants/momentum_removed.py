"""Train a small MLP classifier on tabular features (the fixed script)."""

import torch
from torch import nn

STEPS = 200
BATCH_SIZE = 32
LR = 0.05
MOMENTUM = 0.9
HIDDEN = 64


class MLP(nn.Module):
    """Two hidden ReLU layers; returns raw class scores (logits)."""

    def __init__(self, d_in: int, d_hidden: int, n_classes: int) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(d_in, d_hidden),
            nn.ReLU(),
            nn.Linear(d_hidden, d_hidden),
            nn.ReLU(),
            nn.Linear(d_hidden, n_classes),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def minibatches(X: torch.Tensor, y: torch.Tensor, batch_size: int, g: torch.Generator):
    """One epoch of shuffled mini-batches."""
    perm = torch.randperm(len(X), generator=g)
    for start in range(0, len(X), batch_size):
        idx = perm[start:start + batch_size]
        yield X[idx], y[idx]


@torch.no_grad()
def predict(model: nn.Module, X: torch.Tensor) -> torch.Tensor:
    model.eval()
    logits = model(X)
    model.train()
    return logits


def train(X_train: torch.Tensor, y_train: torch.Tensor, X_test: torch.Tensor, seed: int):
    """Train on (X_train, y_train); return (losses, test_logits).

    losses: list[float], one mini-batch loss per optimiser step, exactly STEPS of them.
    test_logits: float tensor of shape (len(X_test), n_classes), raw scores of the trained model.
    """
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    n_classes = int(y_train.max()) + 1
    model = MLP(X_train.shape[1], HIDDEN, n_classes)
    opt = torch.optim.SGD(model.parameters(), lr=LR)
    loss_fn = nn.CrossEntropyLoss()

    losses: list[float] = []
    while len(losses) < STEPS:
        for xb, yb in minibatches(X_train, y_train, BATCH_SIZE, g):
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            losses.append(loss.item())
            if len(losses) == STEPS:
                break
    return losses, predict(model, X_test)
