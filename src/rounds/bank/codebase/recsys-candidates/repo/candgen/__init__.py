"""candgen: the candidate generator, the retrieval stage of the recommender.

From the interaction log it builds sessions, item-to-item co-visitation counts and a time-decayed
popularity; for each user it proposes up to ``k`` candidate items for the ranker: the items most
often viewed next to the user's recent ones, popular items as the fallback, never an item the user
has already seen or one that is blocked, each source held to its share of the slots.
"""

from candgen.config import CandidateConfig, from_dict
from candgen.covisit import covisit_topk
from candgen.events import Interaction, by_user, parse_log, sessionize
from candgen.filters import ItemFilter, seen_items
from candgen.generator import CandidateGenerator
from candgen.merge import allocate, merge
from candgen.popularity import PopularityIndex

__all__ = ["CandidateConfig", "CandidateGenerator", "Interaction", "ItemFilter", "PopularityIndex", "allocate",
           "by_user", "covisit_topk", "from_dict", "merge", "parse_log", "seen_items", "sessionize"]
