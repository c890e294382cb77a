"""The benchmark: the AUC column of a model review.

build(rng) makes the held-out scores of 12 candidate models on 2,500 examples (about 30% positive),
rounded to three decimals as the scoring service stores them, so ties are common; run(inputs)
computes each model's ROC AUC.
"""

from evalkit.auc import roc_auc


def build(rng):
    labels = [1 if rng.random() < 0.3 else 0 for _ in range(2_500)]
    models = []
    for m in range(12):
        skill = 0.4 + 0.1 * m
        scores = [round(min(max(rng.gauss(0.5 + (skill if y else -skill) / 4, 0.2), 0.0), 1.0), 3) for y in labels]
        models.append(scores)
    return models, labels


# The calls are repeated: a figure of a hundred milliseconds or more stands well above the noise of
# measuring a process from outside on a busy machine.
REPEAT = 6


def run(inputs):
    models, labels = inputs
    return [[roc_auc(scores, labels) for scores in models] for _ in range(REPEAT)][-1]


def digest(result):
    return repr([round(a, 9) for a in result])
