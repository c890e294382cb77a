"""featclient: the feature-store client the ranking models train and serve from.

Feature values are logged as rows (entity, feature, timestamp, value). Serving reads the latest
fresh value of each feature; training joins labels to the values that were known at each label's
time (a point-in-time join), so that no model learns from the future.
"""

from featclient.batching import batches
from featclient.client import OnlineStore
from featclient.codec import decode
from featclient.pit import point_in_time_join
from featclient.rows import FeatureRow, parse_rows
from featclient.schema import FeatureSpec, parse_specs

__all__ = ["FeatureRow", "FeatureSpec", "OnlineStore", "batches", "decode", "parse_rows", "parse_specs",
           "point_in_time_join"]
