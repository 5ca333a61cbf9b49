"""One SER training step in PyTorch, the reference for `AgCc.Bench training-step` (bench/README.md).

The architecture of core/AgCc.Core.Torch/Training/Model/SerModel.cs built from PyTorch's own
modules (nn.TransformerEncoderLayer, post-LN, relu, batch first, key padding mask; masked mean
pooling; Linear/ReLU/Dropout head), in training mode: forward on random features [B, 1, T, D] with
the given lengths, cross-entropy on random labels, backward, Adam (lr 1e-4, weight decay 1e-3)
step, zero grads; one warm-up step, then the timed ones.

Usage: pytorch_training_step.py batch frames dims threads steps width layers heads feed_forward
       dropout hidden(comma list) classes lengths(comma list)
Prints one JSON line: seconds_per_step, threads, blas (the libblas this process mapped), rss_before_mb,
rss_after_mb. Run with Debian's python3 (torch 1.13).
"""
import json
import sys
import time

import torch
from torch import nn


class Model(nn.Module):
    def __init__(self, dims, width, layers, heads, feed_forward, dropout, hidden, classes):
        super().__init__()
        self.input_projection = nn.Linear(dims, width)
        self.layers = nn.ModuleList([
            nn.TransformerEncoderLayer(width, heads, feed_forward, dropout, activation="relu", batch_first=True, norm_first=False)
            for _ in range(layers)])
        widths = [width] + hidden + [classes]
        self.head = nn.ModuleList([nn.Linear(a, b) for a, b in zip(widths, widths[1:])])
        self.dropout = nn.Dropout(dropout)
        self.width = width

    def forward(self, features, padding):
        x = self.input_projection(features[:, 0]) + positions(features.shape[2], self.width)
        for layer in self.layers:
            x = layer(x, src_key_padding_mask=padding)
        real = (~padding).to(x.dtype)
        h = torch.bmm(real.unsqueeze(1), x).squeeze(1) / real.sum(1, keepdim=True)
        for linear in self.head[:-1]:
            h = self.dropout(torch.relu(linear(h)))
        return self.head[-1](h)


def positions(frames, width):
    t = torch.arange(frames, dtype=torch.float64)[:, None]
    i = torch.arange(0, width, 2, dtype=torch.float64)
    angle = t / torch.pow(10000.0, i / width)
    table = torch.zeros(frames, width, dtype=torch.float64)
    table[:, 0::2] = torch.sin(angle)
    table[:, 1::2] = torch.cos(angle[:, : width // 2])
    return table.float()


def rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def blas_library():
    with open("/proc/self/maps") as maps:
        for line in maps:
            path = line.split()[-1]
            if "/libblas.so" in path or "/libopenblas" in path:
                return path
    return "unknown"


def main():
    batch, frames, dims, threads, steps, width, layers, heads, feed_forward = map(int, sys.argv[1:10])
    dropout = float(sys.argv[10])
    hidden = [int(h) for h in sys.argv[11].split(",") if h]
    classes = int(sys.argv[12])
    lengths = torch.tensor([int(n) for n in sys.argv[13].split(",")])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    model = Model(dims, width, layers, heads, feed_forward, dropout, hidden, classes).train()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4, weight_decay=1e-3)
    features = torch.randn(batch, 1, frames, dims)
    padding = torch.arange(frames)[None, :] >= lengths[:, None]
    labels = torch.randint(0, classes, (batch,))

    def step():
        loss = nn.functional.cross_entropy(model(features, padding), labels)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        return loss.item()

    step()  # warm-up
    before = rss_mb()
    start = time.perf_counter()
    for _ in range(steps):
        step()
    seconds = (time.perf_counter() - start) / steps
    print(json.dumps(dict(seconds_per_step=seconds, torch=torch.__version__, threads=torch.get_num_threads(), blas=blas_library(),
                          rss_before_mb=before, rss_after_mb=rss_mb())))


if __name__ == "__main__":
    main()
