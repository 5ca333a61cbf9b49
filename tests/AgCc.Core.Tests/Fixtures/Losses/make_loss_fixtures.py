#!/usr/bin/python3
"""Writes the anchor-loss fixtures: the soft triplet loss and Deep CORAL computed the plain way
(loops over segments, triplets and covariance entries, float64) with PyTorch autograd giving the
gradients, the reference for AgCc.Core.Torch.Training.Losses (Training/LossTests.cs).

Run with Debian's python (torch 1.13, numpy 1.24; the pyenv python on PATH has no torch):
    /usr/bin/python3 tests/AgCc.Core.Tests/Fixtures/Losses/make_loss_fixtures.py
Deterministic: every case draws from its own seeded numpy Generator.
"""
import json
import os

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
torch.set_default_dtype(torch.float64)


def normalised(x):
    """Each row over its Euclidean norm (torch.nn.functional.normalize with eps 1e-12)."""
    return torch.stack([row / torch.clamp(torch.sqrt((row * row).sum()), min=1e-12) for row in x])


def distance(u, v):
    return torch.sqrt(((u - v) ** 2).sum())


def soft_triplet(embeddings, is_target, cluster, weight, common, margin):
    """Σ w·max(0, d(a,p) − d(a,n) + m) / Σ w over every triplet: a a target segment in a common
    cluster, p a source segment of a's cluster, n a source segment of any other cluster,
    w = weight[a]·weight[p]; d between L2-normalised embeddings. No triplet (or Σ w = 0): 0."""
    z = normalised(embeddings)
    n_items = len(is_target)
    numerator, denominator, valid, active = None, 0.0, 0, 0
    for a in range(n_items):
        if not is_target[a] or not common[cluster[a]]:
            continue
        for p in range(n_items):
            if is_target[p] or cluster[p] != cluster[a]:
                continue
            for n in range(n_items):
                if is_target[n] or cluster[n] == cluster[a]:
                    continue
                w = weight[a] * weight[p]
                hinge = torch.clamp(distance(z[a], z[p]) - distance(z[a], z[n]) + margin, min=0.0)
                numerator = w * hinge if numerator is None else numerator + w * hinge
                denominator += w
                valid += 1
                active += int(hinge.item() > 0)
    if valid == 0 or denominator == 0:
        return embeddings.sum() * 0.0, valid, active
    return numerator / denominator, valid, active


def covariance(x):
    """Unbiased covariance entry by entry: Σ_i (x_ij − μ_j)(x_ik − μ_k) / (n − 1)."""
    n, d = x.shape
    mean = [sum(x[i, j] for i in range(n)) / n for j in range(d)]
    return torch.stack([torch.stack([sum((x[i, j] - mean[j]) * (x[i, k] - mean[k]) for i in range(n)) / (n - 1)
                                     for k in range(d)]) for j in range(d)])


def deep_coral(source_layers, target_layers):
    """‖C_S − C_T‖²_F / (4d²) with the layers as one group: each item's features of all layers
    concatenated (d = the sum of the layers' widths)."""
    source = torch.cat(list(source_layers), dim=1)
    target = torch.cat(list(target_layers), dim=1)
    d = source.shape[1]
    diff = covariance(source) - covariance(target)
    return sum(diff[j, k] ** 2 for j in range(d) for k in range(d)) / (4 * d * d)


def save(name, array):
    np.save(os.path.join(HERE, name + ".npy"), np.ascontiguousarray(array, dtype="<f8"))


def triplet_case(name, description, seed, n_items, dim, clusters, common, soft, margin,
                 is_target=None, cluster=None, scale=1.0):
    rng = np.random.default_rng(seed)
    if is_target is None:
        is_target = rng.permutation(np.arange(n_items) < n_items // 2)
    if cluster is None:
        cluster = rng.integers(0, clusters, size=n_items)
    weight = rng.uniform(0.05, 1.0, size=n_items) if soft else np.ones(n_items)
    embeddings = rng.normal(size=(n_items, dim)) * rng.uniform(0.5, 2.0, size=(n_items, 1)) * scale
    x = torch.tensor(embeddings, requires_grad=True)
    loss, valid, active = soft_triplet(x, [bool(t) for t in is_target], [int(c) for c in cluster],
                                       [float(w) for w in weight], common, margin)
    loss.backward()
    save(name + ".embeddings", embeddings)
    save(name + ".grad", x.grad.numpy())
    return {
        "name": name, "description": description, "margin": margin,
        "is_target": [bool(t) for t in is_target], "cluster": [int(c) for c in cluster],
        "weight": [float(w) for w in weight], "common": [bool(c) for c in common],
        "loss": float(loss.item()), "valid_triplets": valid, "active_triplets": active,
    }


def coral_case(name, description, seed, n_source, n_target, widths):
    rng = np.random.default_rng(seed)
    source = [rng.normal(size=(n_source, w)) * rng.uniform(0.5, 2.0, size=w) + rng.normal(size=w) for w in widths]
    target = [rng.normal(size=(n_target, w)) @ rng.normal(size=(w, w)) * 0.7 + 1.5 for w in widths]
    xs = [torch.tensor(s, requires_grad=True) for s in source]
    xt = [torch.tensor(t, requires_grad=True) for t in target]
    loss = deep_coral(xs, xt)
    loss.backward()
    for i, (s, t, gs, gt) in enumerate(zip(source, target, xs, xt)):
        save(f"{name}.layer{i}.source", s)
        save(f"{name}.layer{i}.target", t)
        save(f"{name}.layer{i}.grad_source", gs.grad.numpy())
        save(f"{name}.layer{i}.grad_target", gt.grad.numpy())
    return {"name": name, "description": description, "layers": len(widths), "loss": float(loss.item())}


def main():
    triplets = [
        triplet_case("triplet_none", "no valid triplet: the common cluster 0 has no source segment, "
                     "the targets of cluster 1 (which has sources) are not common", 11, 8, 4, 3,
                     [True, False, True], soft=True, margin=0.3,
                     is_target=[True, True, False, False, True, False, False, True],
                     cluster=[0, 1, 1, 2, 0, 2, 1, 1]),
        triplet_case("triplet_hard", "all weights 1, every cluster common (PA-CC)", 12, 20, 6, 3,
                     [True, True, True], soft=False, margin=0.3),
        triplet_case("triplet_soft", "soft weights, every cluster common (AG-CC)", 13, 20, 6, 4,
                     [True] * 4, soft=True, margin=0.3),
        triplet_case("triplet_uncommon", "soft weights, clusters 1 and 3 not common: their targets are "
                     "no anchors, their sources still negatives", 14, 30, 8, 5,
                     [True, False, True, False, True], soft=True, margin=0.3),
        triplet_case("triplet_margin", "soft weights, margin 0.5, larger d, norms far from 1, cluster 5 "
                     "not common", 15, 40, 16, 6, [True, True, True, True, True, False], soft=True,
                     margin=0.5, scale=7.0),
    ]
    coral = [
        coral_case("coral_single", "one layer, n_s = 9, n_t = 6, d = 4", 21, 9, 6, [4]),
        coral_case("coral_layers", "three layers as one group (concatenated, d = 3 + 2 + 4)", 22, 8, 5, [3, 2, 4]),
        coral_case("coral_two_items", "the smallest batches, n_s = n_t = 2, d = 3", 23, 2, 2, [3]),
    ]
    with open(os.path.join(HERE, "loss_fixtures.json"), "w") as f:
        json.dump({"torch": torch.__version__, "triplet": triplets, "coral": coral}, f, indent=1)
        f.write("\n")
    for case in triplets:
        print(f"{case['name']}: loss {case['loss']:.6f}, valid {case['valid_triplets']}, active {case['active_triplets']}")
    for case in coral:
        print(f"{case['name']}: loss {case['loss']:.6e}")


if __name__ == "__main__":
    main()
