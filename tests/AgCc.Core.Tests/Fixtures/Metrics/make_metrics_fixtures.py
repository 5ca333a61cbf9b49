#!/usr/bin/python3
"""Writes classification_metrics.json: scikit-learn's classification metrics for fixed
prediction sets, the reference for AgCc.Core.Metrics (ClassificationMetricsTests.cs).

Run with Debian's python (apt-get install -y python3-sklearn):
    /usr/bin/python3 tests/AgCc.Core.Tests/Fixtures/Metrics/make_metrics_fixtures.py
Deterministic: every case draws from its own seeded numpy Generator.
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.metrics import (accuracy_score, balanced_accuracy_score, confusion_matrix,
                             f1_score, precision_recall_fscore_support)

HERE = os.path.dirname(os.path.abspath(__file__))


def noisy(rng, y_true, classes, correct, weights=None):
    """Keeps each true label with probability `correct`, else draws one from `weights`."""
    y_pred = y_true.copy()
    flip = rng.random(len(y_true)) >= correct
    y_pred[flip] = rng.choice(classes, size=int(flip.sum()), p=weights)
    return y_pred


def balanced(rng, classes, per_class):
    return rng.permutation(np.repeat(np.arange(classes), per_class))


def drawn(rng, proportions, n):
    return rng.choice(len(proportions), size=n, p=np.asarray(proportions) / np.sum(proportions))


def cases():
    rng = np.random.default_rng(1)
    y = balanced(rng, 4, 50)
    yield "balanced_4class", "4 classes, 50 each, 60% kept", 4, y, noisy(rng, y, 4, 0.6)

    rng = np.random.default_rng(2)
    # MSP-IMPROV's 4-class consensus proportions (neutral, anger, happiness, sadness).
    y = drawn(rng, [3477, 792, 2644, 885], 240)
    yield ("imbalanced_4class", "4 classes in MSP-IMPROV proportions, predictions lean to neutral", 4, y,
           noisy(rng, y, 4, 0.5, [0.55, 0.1, 0.25, 0.1]))

    rng = np.random.default_rng(3)
    y = balanced(rng, 2, 60)
    yield "balanced_2class", "arousal-like: 2 classes, 60 each, 70% kept", 2, y, noisy(rng, y, 2, 0.7)

    rng = np.random.default_rng(4)
    y = drawn(rng, [0.85, 0.15], 150)
    yield "imbalanced_2class", "valence-like: 85/15, predictions lean to the majority", 2, y, noisy(rng, y, 2, 0.6, [0.9, 0.1])

    rng = np.random.default_rng(5)
    y = balanced(rng, 4, 30)
    p = noisy(rng, y, 4, 0.5, [0.4, 0.3, 0.0, 0.3])
    p[p == 2] = 0  # class 2 is never predicted: its precision is 0/0
    yield "never_predicted_4class", "class 2 never predicted", 4, y, p

    rng = np.random.default_rng(6)
    y = drawn(rng, [0.4, 0.3, 0.3, 0.0], 90)
    yield ("absent_from_true_4class", "class 3 absent from y_true but predicted: balanced accuracy drops it, F1 counts it as 0",
           4, y, noisy(rng, y, 4, 0.6, [0.2, 0.2, 0.2, 0.4]))

    rng = np.random.default_rng(7)
    y = drawn(rng, [0.5, 0.3, 0.2, 0.0], 80)
    yield ("absent_everywhere_4class", "class 3 neither true nor predicted: listed in labels, so F1 counts it as 0",
           4, y, noisy(rng, y, 4, 0.55, [0.4, 0.3, 0.3, 0.0]))

    rng = np.random.default_rng(8)
    y = drawn(rng, [0.7, 0.3], 40)
    yield "one_class_predicted_2class", "every prediction is class 0", 2, y, np.zeros_like(y)

    y = np.array([0, 1, 2, 3, 0, 1, 2, 3, 3])
    yield "perfect_4class", "every prediction right", 4, y, y.copy()


def case(name, note, classes, y_true, y_pred):
    labels = list(range(classes))
    caught = []
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        cm = confusion_matrix(y_true, y_pred, labels=labels)
        # balanced_accuracy_score takes no labels: it drops classes absent from y_true (with a warning).
        uar = balanced_accuracy_score(y_true, y_pred)
        acc = accuracy_score(y_true, y_pred)
        macro = f1_score(y_true, y_pred, labels=labels, average="macro", zero_division=0)
        precision, recall, f1, support = precision_recall_fscore_support(
            y_true, y_pred, labels=labels, average=None, zero_division=0)
        caught = sorted({f"{x.category.__name__}: {x.message}" for x in w})
    return {
        "name": name,
        "note": note,
        "classes": classes,
        "y_true": [int(v) for v in y_true],
        "y_pred": [int(v) for v in y_pred],
        "confusion_matrix": cm.astype(int).tolist(),
        "balanced_accuracy": float(uar),
        "accuracy": float(acc),
        "f1_macro": float(macro),
        "recall": [float(v) for v in recall],
        "precision": [float(v) for v in precision],
        "f1": [float(v) for v in f1],
        "support": [int(v) for v in support],
        "sklearn_warnings": caught,
    }


def main():
    out = {
        "made_by": "make_metrics_fixtures.py",
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "calls": {
            "confusion_matrix": "confusion_matrix(y_true, y_pred, labels=range(classes))",
            "balanced_accuracy": "balanced_accuracy_score(y_true, y_pred)",
            "accuracy": "accuracy_score(y_true, y_pred)",
            "f1_macro": "f1_score(y_true, y_pred, labels=range(classes), average='macro', zero_division=0)",
            "per_class": "precision_recall_fscore_support(y_true, y_pred, labels=range(classes), average=None, zero_division=0)",
        },
        "cases": [case(*c) for c in cases()],
    }
    path = os.path.join(HERE, "classification_metrics.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    for c in out["cases"]:
        print(f"{c['name']:28} n={len(c['y_true']):3} UAR={c['balanced_accuracy']:.4f} WA={c['accuracy']:.4f} "
              f"F1={c['f1_macro']:.4f} {c['sklearn_warnings']}")
    print(f"wrote {path} ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    main()
