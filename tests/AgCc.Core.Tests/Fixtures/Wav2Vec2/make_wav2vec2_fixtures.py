#!/usr/bin/python3
"""wav2vec 2.0 reference fixtures for tests/AgCc.Core.Tests/Features/Wav2Vec2Tests.cs (README.md here).

Builds torchaudio.models.wav2vec2_model with a tiny configuration in both variants ("base":
group_norm feature encoder + post-LN transformer; "large": layer_norm feature encoder + pre-LN
"stable layer norm" transformer), randomly initialised with a fixed seed (layer norms, group norm
and biases perturbed so they matter), in eval mode, and writes per variant:

  <variant>.safetensors        the state dict (torchaudio names; weight_g/weight_v for the
                               positional convolution), written by the tiny writer below
  <variant>.config.json        the wav2vec2_model arguments
  <variant>.<wave>.hidden.npy  float32 [layers + 1, frames, embed]: Hugging Face's
                               output_hidden_states convention (see README.md)
  <variant>.<wave>.layers.npy  float32 [layers, frames, embed]: torchaudio's extract_features

  <variant>.padded.hidden.npy  float32 [layers + 1, 2, frames, embed]: the same for a zero-padded
                               batch of tone_noise (8000 samples) and chirp's first 5000 samples,
                               with lengths (torchaudio's padding mask)

and the two waveforms (<wave>.npy, float32, 0.5 s at 16 kHz), plus torchaudio_parameter_shapes.json:
the parameter names and shapes of torchaudio's full-size wav2vec2_base and wav2vec2_large_lv60k.
The same weights also go into PyTorch pickled checkpoints (torch.save of a state dict):
large.pt (torchaudio names), hf_base/ (config.json + pytorch_model.bin with Hugging Face names,
no prefix, weight_g/weight_v) and hf_large/pytorch_model.bin (beside hf_large/model.safetensors:
the "wav2vec2." prefix, parametrizations.weight.original0/1, head parameters to be ignored).
Run with Debian's python3 (torch 1.13 / torchaudio 0.13.1):

    /usr/bin/python3 tests/AgCc.Core.Tests/Fixtures/Wav2Vec2/make_wav2vec2_fixtures.py
"""
import collections
import json
import os
import struct

import numpy as np
import torch
import torchaudio

HERE = os.path.dirname(os.path.abspath(__file__))
RATE = 16000

CONFIG = dict(
    extractor_conv_layer_config=[(16, 10, 5), (16, 3, 2), (16, 2, 2)],
    extractor_conv_bias=False,
    encoder_embed_dim=32,
    encoder_projection_dropout=0.1,
    encoder_pos_conv_kernel=8,
    encoder_pos_conv_groups=4,
    encoder_num_layers=2,
    encoder_num_heads=4,
    encoder_attention_dropout=0.1,
    encoder_ff_interm_features=64,
    encoder_ff_interm_dropout=0.1,
    encoder_dropout=0.1,
    encoder_layer_drop=0.1,
    aux_num_out=None,
)

VARIANTS = {
    "base": dict(extractor_mode="group_norm", encoder_layer_norm_first=False),
    "large": dict(extractor_mode="layer_norm", encoder_layer_norm_first=True, extractor_conv_bias=True),
}

SAFETENSORS_DTYPES = {torch.float32: "F32", torch.float64: "F64", torch.float16: "F16", torch.int64: "I64"}


def write_safetensors(path, tensors):
    """safetensors: u64 little-endian header length, JSON header {name: {dtype, shape, data_offsets}}, raw data."""
    header, blobs, offset = {}, [], 0
    for name, tensor in tensors.items():
        data = tensor.detach().cpu().contiguous().numpy().astype(tensor.detach().cpu().numpy().dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": SAFETENSORS_DTYPES[tensor.dtype], "shape": list(tensor.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)  # the data start aligned to 8 bytes, as the reference writer does
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for blob in blobs:
            f.write(blob)


def waveforms():
    rng = np.random.default_rng(20260524)
    n = RATE // 2
    t = np.arange(n) / RATE
    tone = 0.4 * np.sin(2 * np.pi * 220 * t) + 0.2 * np.sin(2 * np.pi * 1375 * t + 0.3)
    noisy = tone * (0.5 + 0.5 * np.sin(2 * np.pi * 3 * t)) + 0.05 * rng.standard_normal(n)
    chirp = 0.3 * np.sin(2 * np.pi * (100 * t + 3000 * t * t)) + 0.01 * rng.standard_normal(n)
    return {"tone_noise": noisy.astype(np.float32), "chirp": chirp.astype(np.float32)}


def perturb(model, generator):
    """Default init leaves norms at 1/0 and (feature encoder) no bias: move every norm and bias off it."""
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.endswith(".bias"):
                p.add_(0.1 * torch.randn(p.shape, generator=generator))
            elif "layer_norm" in name and name.endswith(".weight"):
                p.mul_(1 + 0.2 * torch.randn(p.shape, generator=generator))
            elif name.endswith("weight_g"):
                p.mul_(1 + 0.2 * torch.rand(p.shape, generator=generator))


PADDED_LENGTHS = [8000, 5000]  # tone_noise whole, chirp cut to 5000 samples and zero-padded


def hf_hidden_states(model, x, lengths=None):
    """Hugging Face's output_hidden_states (Wav2Vec2Encoder / Wav2Vec2EncoderStableLayerNorm), eval mode,
    built from torchaudio's modules; with lengths, torchaudio's padding (padded frames zeroed after the
    feature projection, -10000 added to attention scores towards them)."""
    features, frame_lengths = model.feature_extractor(x, lengths)
    encoder = model.encoder
    h, mask = encoder._preprocess(features, frame_lengths)  # the feature projection (+ padding)
    transformer = encoder.transformer
    h = transformer._preprocess(h)  # x + pos_conv(x), then (post-LN) the encoder layer norm
    states = [h]
    for layer in transformer.layers:
        h = layer(h, mask)
        states.append(h)
    if not transformer.layer_norm_first:  # pre-LN ("large"): HF's last hidden state is after the final layer norm
        states[-1] = transformer.layer_norm(h)
    return states


def main():
    torch.manual_seed(1234)
    generator = torch.Generator().manual_seed(4321)
    waves = waveforms()
    for name, samples in waves.items():
        np.save(os.path.join(HERE, f"{name}.npy"), samples)
    for variant, extra in VARIANTS.items():
        args = dict(CONFIG)
        args.update(extra)
        model = torchaudio.models.wav2vec2_model(**args)
        perturb(model, generator)
        model.eval()
        state = model.state_dict()
        write_safetensors(os.path.join(HERE, f"{variant}.safetensors"), state)
        with open(os.path.join(HERE, f"{variant}.config.json"), "w") as f:
            json.dump(args, f, indent=2)
            f.write("\n")
        with torch.no_grad():
            for name, samples in waves.items():
                x = torch.from_numpy(samples).unsqueeze(0)
                layers, _ = model.extract_features(x)
                states = hf_hidden_states(model, x)
                # The two agree layer by layer (the last only for post-LN).
                for i, layer in enumerate(layers):
                    if i < len(layers) - 1 or transformer_is_post_ln(model):
                        assert torch.allclose(layer, states[i + 1], atol=1e-6), (variant, name, i)
                hidden = torch.stack([s[0] for s in states]).numpy().astype(np.float32)
                np.save(os.path.join(HERE, f"{variant}.{name}.hidden.npy"), hidden)
                np.save(os.path.join(HERE, f"{variant}.{name}.layers.npy"), torch.stack([l[0] for l in layers]).numpy().astype(np.float32))
                print(variant, name, "hidden", hidden.shape, "max |h|", float(np.abs(hidden).max()))
            write_padded_batch(model, variant, waves)
        if variant == "large":
            write_hugging_face_directory(args, state)
            torch.save(state, os.path.join(HERE, "large.pt"))
            hf = hugging_face_names(state, prefix="wav2vec2.", parametrizations=True)
            hf["quantizer.codevectors"] = torch.zeros(1, 4, 8)
            hf["project_q.weight"] = torch.zeros(8, 8)
            torch.save(hf, os.path.join(HERE, "hf_large", "pytorch_model.bin"))
        else:
            folder = os.path.join(HERE, "hf_base")
            write_hugging_face_config(folder, args, "Wav2Vec2Model")
            hf = hugging_face_names(state, prefix="", parametrizations=False)
            hf["masked_spec_embed"] = torch.zeros(args["encoder_embed_dim"])
            torch.save(hf, os.path.join(folder, "pytorch_model.bin"))
    write_parameter_shapes()


def write_padded_batch(model, variant, waves):
    """<variant>.padded.hidden.npy: a zero-padded batch of unequal lengths through torchaudio's padding mask.
    Checks torchaudio's own extract_features(x, lengths) against it, and prints how far each waveform's
    valid frames are from its result alone (the base group norm is not masked, the large layer norm is per frame)."""
    n = max(PADDED_LENGTHS)
    x = torch.zeros(2, n)
    x[0, :PADDED_LENGTHS[0]] = torch.from_numpy(waves["tone_noise"][:PADDED_LENGTHS[0]])
    x[1, :PADDED_LENGTHS[1]] = torch.from_numpy(waves["chirp"][:PADDED_LENGTHS[1]])
    lengths = torch.tensor(PADDED_LENGTHS)
    layers, frame_lengths = model.extract_features(x, lengths)
    states = hf_hidden_states(model, x, lengths)
    for i, layer in enumerate(layers):
        if i < len(layers) - 1 or transformer_is_post_ln(model):
            assert torch.allclose(layer, states[i + 1], atol=1e-6), (variant, "padded", i)
    hidden = torch.stack(states).numpy().astype(np.float32)
    np.save(os.path.join(HERE, f"{variant}.padded.hidden.npy"), hidden)
    print(variant, "padded", hidden.shape, "frame lengths", frame_lengths.tolist())
    for row, length in enumerate(PADDED_LENGTHS):
        alone = torch.stack(hf_hidden_states(model, x[row:row + 1, :length]))[:, 0]
        valid = torch.from_numpy(hidden[:, row, :alone.shape[1]])
        print(f"  {variant} row {row}: valid frames vs alone, max |diff| / max |alone| = {float((valid - alone).abs().max() / alone.abs().max()):.2e}")


def hugging_face_names(state, prefix, parametrizations):
    """torchaudio names -> Hugging Face's (Wav2Vec2Model's, under prefix for the ForPreTraining / ForCTC heads)."""
    hf = collections.OrderedDict()
    for name, tensor in state.items():
        key = name.replace("encoder.feature_projection.", "feature_projection.").replace("encoder.transformer.", "encoder.")
        if parametrizations:
            key = key.replace("conv.weight_g", "conv.parametrizations.weight.original0").replace("conv.weight_v", "conv.parametrizations.weight.original1")
        hf[prefix + key] = tensor
    return hf


def write_hugging_face_directory(args, state):
    """hf_large/: the large variant as a Hugging Face checkpoint directory (config.json with HF keys,
    model.safetensors with HF names, the newer parametrizations form of the weight norm, and a
    quantizer parameter a pre-training checkpoint carries), for Wav2Vec2Model.LoadCheckpoint."""
    folder = os.path.join(HERE, "hf_large")
    write_hugging_face_config(folder, args, "Wav2Vec2ForPreTraining")
    hf = hugging_face_names(state, prefix="wav2vec2.", parametrizations=True)
    hf["quantizer.codevectors"] = torch.zeros(1, 4, 8)
    write_safetensors(os.path.join(folder, "model.safetensors"), hf)


def write_hugging_face_config(folder, args, architecture):
    """config.json with Hugging Face's keys for the wav2vec2_model arguments."""
    os.makedirs(folder, exist_ok=True)
    conv = args["extractor_conv_layer_config"]
    config = {
        "architectures": [architecture], "model_type": "wav2vec2",
        "conv_dim": [c[0] for c in conv], "conv_kernel": [c[1] for c in conv], "conv_stride": [c[2] for c in conv],
        "conv_bias": args["extractor_conv_bias"], "feat_extract_norm": "layer" if args["extractor_mode"] == "layer_norm" else "group",
        "feat_extract_activation": "gelu", "hidden_act": "gelu", "hidden_size": args["encoder_embed_dim"],
        "num_hidden_layers": args["encoder_num_layers"], "num_attention_heads": args["encoder_num_heads"],
        "intermediate_size": args["encoder_ff_interm_features"], "num_conv_pos_embeddings": args["encoder_pos_conv_kernel"],
        "num_conv_pos_embedding_groups": args["encoder_pos_conv_groups"], "do_stable_layer_norm": args["encoder_layer_norm_first"],
        "layer_norm_eps": 1e-05, "hidden_dropout": 0.1,
    }
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump(config, f, indent=2)
        f.write("\n")


def write_parameter_shapes():
    lines = []
    for name, build in (("base", torchaudio.models.wav2vec2_base), ("large", torchaudio.models.wav2vec2_large_lv60k)):
        entries = [f'    "{k}": {json.dumps(list(v.shape))}' for k, v in build().state_dict().items()]
        lines.append(f'  "{name}": {{\n' + ",\n".join(entries) + "\n  }")
    with open(os.path.join(HERE, "torchaudio_parameter_shapes.json"), "w") as f:
        f.write("{\n" + ",\n".join(lines) + "\n}\n")


def transformer_is_post_ln(model):
    return model.encoder.transformer.layer_norm_first  # torchaudio's flag is inverted: True = base (post-LN layers)


if __name__ == "__main__":
    main()
