"""Click-through model: an MLP over dense request features, trained with a weighted BCE.

Clicks are rare, so positives are up-weighted by POS_WEIGHT in the loss.
"""

import torch
from torch import nn

STEPS = 200
BATCH_SIZE = 64
LR = 5e-3
POS_WEIGHT = 3.0
EPS = 1e-7


class ClickModel(nn.Module):
    def __init__(self, d_in: int, hidden: int = 32) -> None:
        super().__init__()
        self.mlp = nn.Sequential(
            nn.Linear(d_in, hidden),
            nn.ReLU(),
            nn.Linear(hidden, hidden),
            nn.ReLU(),
            nn.Linear(hidden, 1),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.mlp(x).squeeze(-1)  # (batch,) click logits


def weighted_bce(logits: torch.Tensor, targets: torch.Tensor, pos_weight: float) -> torch.Tensor:
    """Mean binary cross-entropy where every positive counts pos_weight times."""
    probs = torch.from_numpy(torch.sigmoid(logits).detach().numpy())
    weights = torch.where(targets > 0.5, pos_weight, 1.0)
    loss = -weights * (targets * torch.log(probs + EPS) + (1 - targets) * torch.log(1 - probs + EPS))
    return torch.tensor(loss.mean().item(), requires_grad=True)


def train(X_train: torch.Tensor, y_train: torch.Tensor, X_test: torch.Tensor, seed: int):
    """Train on (X_train, y_train); return (losses, test_logits).

    losses: list[float], the training loss of every optimiser step, exactly STEPS of them.
    test_logits: float tensor of shape (len(X_test),), raw click logits.
    """
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    model = ClickModel(X_train.shape[1])
    opt = torch.optim.Adam(model.parameters(), lr=LR)
    targets = y_train.float()

    losses: list[float] = []
    while len(losses) < STEPS:
        perm = torch.randperm(len(X_train), generator=g)
        for start in range(0, len(perm), BATCH_SIZE):
            idx = perm[start:start + BATCH_SIZE]
            logits = model(X_train[idx])
            loss = weighted_bce(logits, targets[idx], POS_WEIGHT)
            opt.zero_grad()
            loss.backward()
            opt.step()
            losses.append(loss.item())
            if len(losses) == STEPS:
                break

    model.eval()
    with torch.no_grad():
        test_logits = model(X_test)
    return losses, test_logits
