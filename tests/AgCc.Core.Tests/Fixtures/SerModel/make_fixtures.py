"""Reference outputs of the SER model (core/AgCc.Core.Torch/Training/Model/SerModel.cs) from PyTorch.

Run with Debian's python (torch 1.13): /usr/bin/python3 make_fixtures.py (in this folder).
For each case: the state dict (torch.save, zip format), the padded input batch, and in eval mode
the logits, the last encoder layer's frames, the pooled output, each layer's pooled output and the
gradient of the summed logits w.r.t. the input projection's weight, as float32 .npy files; the
cases' configurations and lengths go to cases.json. Grad mode stays on for the forward pass, which
keeps nn.TransformerEncoderLayer off its fused inference path (that path zeroes padded frames).
"""
import json

import numpy as np
import torch
from torch import nn


class Reference(nn.Module):
    def __init__(self, dims, planes, width, layers, heads, feed_forward, dropout, hidden, classes, positions):
        super().__init__()
        if planes > 1:
            self.plane_weights = nn.Parameter(torch.zeros(planes))
        self.input_projection = nn.Linear(dims, width)
        self.layers = nn.ModuleList([
            nn.TransformerEncoderLayer(width, heads, feed_forward, dropout, activation="relu", batch_first=True, norm_first=False)
            for _ in range(layers)])
        widths = [width] + hidden + [classes]
        self.head = nn.ModuleList([nn.Linear(a, b) for a, b in zip(widths, widths[1:])])
        self.dropout = nn.Dropout(dropout)
        self.positions = positions
        self.width = width

    def forward(self, features, padding):
        if hasattr(self, "plane_weights"):
            x = (features * self.plane_weights.softmax(0).view(1, -1, 1, 1)).sum(1)
        else:
            x = features[:, 0]
        x = self.input_projection(x)
        if self.positions:
            x = x + sinusoidal(x.shape[1], self.width)
        real = (~padding).float()
        pool = lambda h: (h * real[:, :, None]).sum(1) / real.sum(1, keepdim=True)
        pooled_layers = []
        for layer in self.layers:
            x = layer(x, src_key_padding_mask=padding)
            pooled_layers.append(pool(x))
        h = pooled_layers[-1]
        for linear in self.head[:-1]:
            h = self.dropout(torch.relu(linear(h)))
        return self.head[-1](h), x, pooled_layers[-1], pooled_layers


def sinusoidal(frames, width):
    t = torch.arange(frames, dtype=torch.float64)[:, None]
    i = torch.arange(0, width, 2, dtype=torch.float64)
    angle = t / torch.pow(10000.0, i / width)
    table = torch.zeros(frames, width, dtype=torch.float64)
    table[:, 0::2] = torch.sin(angle)
    table[:, 1::2] = torch.cos(angle[:, : width // 2])
    return table.float()


def make(name, seed, dims, planes, positions, lengths):
    config = dict(width=16, layers=2, heads=2, feed_forward=32, dropout=0.1, hidden=[12, 8, 6], classes=4)
    torch.manual_seed(seed)
    model = Reference(dims, planes, positions=positions, **config)
    # Move every parameter off its default (norms 1/0, zero biases, equal plane weights) so that a
    # name mapped to the wrong tensor shows.
    with torch.no_grad():
        for parameter in model.parameters():
            parameter.add_(0.1 * torch.randn_like(parameter))
    model.eval()
    frames = max(lengths)
    features = torch.randn(len(lengths), planes, frames, dims)
    padding = torch.arange(frames)[None, :] >= torch.tensor(lengths)[:, None]
    logits, last, pooled, pooled_layers = model(features, padding)
    logits.sum().backward()

    torch.save(model.state_dict(), f"{name}.state.pt")
    arrays = {"features": features, "logits": logits, "frames": last, "pooled": pooled,
              "grad_input_projection": model.input_projection.weight.grad}
    arrays.update({f"layer{i}.pooled": p for i, p in enumerate(pooled_layers)})
    for key, value in arrays.items():
        np.save(f"{name}.{key}.npy", value.detach().numpy().astype(np.float32))
    return dict(name=name, dims=dims, planes=planes, positional_encoding=positions, lengths=lengths, **config)


def main():
    torch.set_num_threads(1)
    cases = [make("p1", 11, 10, 1, True, [7, 4, 2]), make("p3", 12, 10, 3, False, [5, 7, 1])]
    with open("cases.json", "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases}, f, indent=1)


if __name__ == "__main__":
    main()
