"""trainutil: the small helpers every training script of the team imports.

Learning-rate schedules, early stopping, gradient accumulation over micro-batches, keeping the best
checkpoints, and smoothing noisy loss curves for the dashboards.
"""

from trainutil.accumulate import accumulate
from trainutil.checkpoints import CheckpointKeeper
from trainutil.early_stopping import EarlyStopping
from trainutil.schedules import warmup_cosine
from trainutil.smoothing import ema, rolling_median

__all__ = ["CheckpointKeeper", "EarlyStopping", "accumulate", "ema", "rolling_median", "warmup_cosine"]
