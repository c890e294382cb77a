"""The catalog's vocabulary, in one place: round names, pattern tags and company names.

`rounds validate` holds every bundled problem to it: a tag or company must be listed here, spelled
as listed (an alias such as "backpropagation" names the listed spelling to use instead). The pages
and `rounds list` show rounds by their human names. To add a tag or a company, add it here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rounds.content.package import Problem

ROUND_NAMES = {"oop": "OOP systems", "ml": "ML coding", "algo": "Algorithms", "codebase": "Codebase"}

TAGS = frozenset({
    "1d-dp", "2d-dp", "activation", "adam", "adamw", "arrays", "attention", "auc", "autograd", "backprop",
    "batch-norm", "beam-search", "bellman-ford", "bfs", "bijection", "binary-cross-entropy", "binary-search",
    "binary-search-on-answer", "bitemporal", "boyer-moore-voting", "bpe", "bptt", "broadcasting", "bucket-sort",
    "calibration", "causal-mask", "class-imbalance", "classification", "clustering", "cnn", "coalescing",
    "computational-graph", "concurrency", "connected-components", "contrastive-loss", "convolution", "counting",
    "cross-attention", "cross-entropy", "cross-validation", "cycle-detection", "dag", "data-leakage",
    "data-parallel", "data-pipeline", "dcn", "debugging", "decision-tree", "decoder", "decoding",
    "deferred-effects", "deferred-events", "deferred-updates", "dependency-ordering", "deque", "design", "dfs",
    "difference-array", "dijkstra", "dimensionality-reduction", "distributed", "divide-and-conquer", "dropout",
    "dynamic-programming", "embeddings", "feature-crossing", "feature-store", "file-system", "fine-tuning",
    "first-fit", "fixed-window", "free-list", "from-scratch", "gating", "gelu", "gini", "gqa",
    "gradient-clipping", "gradient-descent", "graph", "greedy", "grid", "hash-map", "hash-set", "heap",
    "history", "im2col", "imported", "inference", "initialization", "intervals", "k-means", "k-way-merge",
    "kahn", "kaiming", "knn", "kv-cache", "layer-norm", "lazy-deletion", "lazy-evaluation",
    "learning-rate-schedule", "least-squares", "levenshtein", "lfu", "linear-algebra", "linked-list", "llm",
    "llm-inference", "llm-serving", "load-balancing", "locks", "log-space", "log-sum-exp",
    "logistic-regression", "lora", "loss", "low-rank", "lru", "masking", "math", "matrix-calculus",
    "memoization", "memory", "memory-allocator", "merging", "metrics", "mixed-precision", "mixture-of-experts",
    "mlops", "mlp", "model-registry", "momentum", "monotonic-queue", "monotonic-stack", "multi-head",
    "multi-query-attention", "multi-source-bfs", "multi-task-learning", "mvcc", "naive-bayes",
    "next-greater-element", "nlp", "normalization", "norms", "numerical-stability", "numpy", "online-softmax",
    "oop", "operator-precedence", "optimization", "optimizer", "ordered-dict", "overload-resolution",
    "padding-mask", "parameter-efficient", "parsing", "path-resolution", "patience-sorting", "pca",
    "permissions", "point-in-time", "pooling", "positional-encoding", "prefix-sum", "prefix-tree",
    "priority-queue", "pytorch", "quantization", "quickselect", "quotas", "ranking", "rate-limiting",
    "recommender-systems", "recursion", "regression", "regularization", "reshape", "residual", "resilience",
    "retrieval", "ridge", "rlhf", "rnn", "rollback", "sampling", "sampling-bias", "scheduling", "scikit-learn",
    "scopes", "search", "selection", "sequence", "serialization", "shortest-path", "simulation",
    "sliding-window", "snapshots", "softmax", "sorting", "sparse", "stack", "state-machine",
    "statistical-testing", "statistics", "streaming", "string-matching", "strings", "sweep-line", "symlinks",
    "symmetric-relation", "task-scheduler", "temperature", "text-classification", "thread-pool", "tiling",
    "tokenization", "top-k", "topological-sort", "train-eval", "train-eval-skew", "training", "training-loop",
    "training-stability", "transformer", "tree", "trie", "ttl", "two-heaps", "two-pointers", "two-tower",
    "type-inference", "unbounded-knapsack", "unification", "union-find", "unittest", "unsupervised",
    "variance-preservation", "vectorization", "versioning", "weight-decay", "weighted-interval-scheduling",
    "xavier",
})

# Another spelling -> the one in TAGS.
TAG_ALIASES = {
    "backpropagation": "backprop",
    "prefix-sums": "prefix-sum",
    "linked-lists": "linked-list",
    "optimizers": "optimizer",
    "trees": "tree",
    "train-vs-eval": "train-eval",
    "distributed-training": "distributed",
    "data-parallelism": "data-parallel",
    "quantisation": "quantization",
    "amp": "mixed-precision",
    "sklearn": "scikit-learn",
    "imbalanced-classes": "class-imbalance",
}

COMPANIES = frozenset({
    "Airbnb", "Akamai", "Amazon", "Anthropic", "Apple", "Atlassian", "Baidu", "Bloomberg", "Capital One",
    "Cisco", "Citadel", "Cloudflare", "Cohere", "Coinbase", "Confluent", "Databricks", "Datadog", "DeepL",
    "DoorDash", "Dropbox", "Duolingo", "Expedia", "GitHub", "Goldman Sachs", "Google", "Google DeepMind",
    "Hugging Face", "Instacart", "Kuaishou", "LinkedIn", "Lyft", "Meta", "Microsoft", "Mistral", "NVIDIA",
    "Netflix", "Notion", "OpenAI", "Pinterest", "Quora", "Ramp", "Reddit", "Robinhood", "Roblox", "Rubrik",
    "Salesforce", "Snap", "Snowflake", "Spotify", "Stripe", "Tesla", "TikTok", "Together AI", "Two Sigma", "Uber", "Yelp",
})

# Another spelling -> the one in COMPANIES.
COMPANY_ALIASES = {
    "Mistral AI": "Mistral",
    "Nvidia": "NVIDIA",
}


def round_name(track: str) -> str:
    """A round (track) as people say it: "OOP systems", "ML coding", "Algorithms"."""
    return ROUND_NAMES.get(track, track)


def canonical_tag(tag: str) -> str:
    t = tag.strip().lower()
    return TAG_ALIASES.get(t, t)


def canonical_company(name: str) -> str:
    n = name.strip()
    by_lower = {c.lower(): c for c in COMPANIES} | {a.lower(): c for a, c in COMPANY_ALIASES.items()}
    return by_lower.get(n.lower(), n)


def check(p: Problem) -> list[str]:
    """Why a bundled problem's tags and companies leave the vocabulary (empty when they do not)."""
    if not _inside(p.root, bank_root()):  # imported tasks and extra banks keep their own words
        return []
    out: list[str] = []
    for what, names, listed, aliases in (("tag", p.tags, TAGS, TAG_ALIASES),
                                          ("company", p.companies, COMPANIES, COMPANY_ALIASES)):
        seen: set[str] = set()
        for name in names:
            if name in aliases:
                out.append(f"{what} {name!r} is spelled {aliases[name]!r} in the vocabulary "
                           "(rounds/content/vocabulary.py)")
            elif name not in listed:
                out.append(f"{what} {name!r} is not in the vocabulary: use a listed one, or add it to "
                           "rounds/content/vocabulary.py")
            canon = aliases.get(name, name)
            if canon in seen:
                out.append(f"{what} {canon!r} is given twice")
            seen.add(canon)
    return out


def bank_root() -> Path:
    """The bundled bank's folder, looked up late (the catalog imports this module)."""
    from rounds.content.catalog import BANK

    return BANK


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True
