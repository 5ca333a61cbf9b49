#!/usr/bin/python3
"""A full-size wav2vec 2.0 checkpoint the tests have not seen, for Wav2Vec2FullSizeCheckpointTests.

No network is reachable here, so no real pretrained checkpoint can be downloaded; this builds
torchaudio's wav2vec2_base() at real size (95 M parameters) with seeded random weights (norms and
biases perturbed as in make_wav2vec2_fixtures.py so that all of them matter) and saves it the way
facebook/wav2vec2-base is published, plus torchaudio's hidden states for 4 s of speech-like audio:

  config.json         Hugging Face's keys and values of facebook/wav2vec2-base's config.json
  model.safetensors   Wav2Vec2ForPreTraining's names ("wav2vec2." prefix, weight_g / weight_v),
                      with the quantizer / project_q / project_hid heads the checkpoint carries
  pytorch_model.bin   the same state dict through torch.save
  audio.npy           float32 [64000]: glottal pulses through moving formants, pauses, noise
  hidden.npy          float32 [13, 199, 768]: Hugging Face's output_hidden_states convention

Everything goes to a directory outside the repository (~800 MB; default /tmp/agcc-wav2vec2-base-check).
Run with Debian's python3 (torch 1.13 / torchaudio 0.13.1), then the C# check:

    /usr/bin/python3 tests/AgCc.Core.Tests/Fixtures/Wav2Vec2/check_full_size.py [DIR]
    AGCC_WAV2VEC2_FULL_SIZE=DIR dotnet test tests/AgCc.Core.Tests --filter "FullyQualifiedName~Wav2Vec2FullSize"
"""
import collections
import json
import os
import sys

import numpy as np
import torch
import torchaudio

sys.dont_write_bytecode = True  # no __pycache__ among the fixtures
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_wav2vec2_fixtures import hf_hidden_states, hugging_face_names, perturb, write_safetensors  # noqa: E402

RATE = 16000

# facebook/wav2vec2-base's config.json (its keys and values; training-only fields included as published).
CONFIG = {
    "activation_dropout": 0.0, "apply_spec_augment": True, "architectures": ["Wav2Vec2ForPreTraining"],
    "attention_dropout": 0.1, "bos_token_id": 1, "codevector_dim": 256, "contrastive_logits_temperature": 0.1,
    "conv_bias": False, "conv_dim": [512, 512, 512, 512, 512, 512, 512], "conv_kernel": [10, 3, 3, 3, 3, 2, 2],
    "conv_stride": [5, 2, 2, 2, 2, 2, 2], "ctc_loss_reduction": "sum", "ctc_zero_infinity": False,
    "diversity_loss_weight": 0.1, "do_stable_layer_norm": False, "eos_token_id": 2, "feat_extract_activation": "gelu",
    "feat_extract_norm": "group", "feat_proj_dropout": 0.1, "feat_quantizer_dropout": 0.0, "final_dropout": 0.0,
    "freeze_feat_extract_train": True, "gradient_checkpointing": True, "hidden_act": "gelu", "hidden_dropout": 0.1,
    "hidden_size": 768, "initializer_range": 0.02, "intermediate_size": 3072, "layer_norm_eps": 1e-05, "layerdrop": 0.05,
    "mask_channel_length": 10, "mask_channel_min_space": 1, "mask_channel_other": 0.0, "mask_channel_prob": 0.0,
    "mask_channel_selection": "static", "mask_feature_length": 10, "mask_feature_prob": 0.0, "mask_time_length": 10,
    "mask_time_min_space": 1, "mask_time_other": 0.0, "mask_time_prob": 0.05, "mask_time_selection": "static",
    "model_type": "wav2vec2", "no_mask_channel_overlap": False, "no_mask_time_overlap": False, "num_attention_heads": 12,
    "num_codevector_groups": 2, "num_codevectors_per_group": 320, "num_conv_pos_embedding_groups": 16,
    "num_conv_pos_embeddings": 128, "num_feat_extract_layers": 7, "num_hidden_layers": 12, "num_negatives": 100,
    "pad_token_id": 0, "proj_codevector_dim": 256, "transformers_version": "4.7.0.dev0", "vocab_size": 32,
}


def speech_like(seconds=4.0, seed=20260525):
    """Glottal pulses (pitch gliding 100-190 Hz) through three formant resonators that move per
    syllable, syllable envelopes with pauses between them, a little breath noise."""
    rng = np.random.default_rng(seed)
    n = int(seconds * RATE)
    t = np.arange(n) / RATE
    f0 = 145 + 45 * np.sin(2 * np.pi * 0.7 * t) * np.sin(2 * np.pi * 0.23 * t + 1)
    phase = np.cumsum(f0 / RATE)
    source = np.diff(np.floor(phase), prepend=0.0) + 0.02 * rng.standard_normal(n)
    syllable = (t * 4.5).astype(int)
    vowels = np.array([(730, 1090, 2440), (270, 2290, 3010), (300, 870, 2240), (530, 1840, 2480), (640, 1190, 2390)], float)
    formants = vowels[rng.integers(0, len(vowels), syllable.max() + 1)][syllable]
    y = source
    for k, bandwidth in zip(range(3), (80.0, 100.0, 120.0)):
        r = np.exp(-np.pi * bandwidth / RATE)
        a1 = 2 * r * np.cos(2 * np.pi * formants[:, k] / RATE)
        out = np.zeros(n)
        for i in range(2, n):
            out[i] = y[i] + a1[i] * out[i - 1] - r * r * out[i - 2]
        y = out
    envelope = np.clip(np.sin(np.pi * (t * 4.5 % 1)) * 1.6, 0, 1) * (syllable % 5 != 4)
    y = y * envelope + 0.003 * rng.standard_normal(n)
    return (0.5 * y / np.abs(y).max()).astype(np.float32)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/agcc-wav2vec2-base-check"
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(2026)
    model = torchaudio.models.wav2vec2_base()
    perturb(model, torch.Generator().manual_seed(6202))
    model.eval()
    state = model.state_dict()

    hf = hugging_face_names(state, prefix="wav2vec2.", parametrizations=False)
    g = torch.Generator().manual_seed(7)
    heads = collections.OrderedDict([
        ("wav2vec2.masked_spec_embed", torch.rand(768, generator=g)),
        ("quantizer.codevectors", torch.randn(1, 640, 128, generator=g)),
        ("quantizer.weight_proj.weight", torch.randn(640, 512, generator=g) * 0.02),
        ("quantizer.weight_proj.bias", torch.zeros(640)),
        ("project_hid.weight", torch.randn(256, 768, generator=g) * 0.02),
        ("project_hid.bias", torch.zeros(256)),
        ("project_q.weight", torch.randn(256, 256, generator=g) * 0.02),
        ("project_q.bias", torch.zeros(256)),
    ])
    hf.update(heads)
    with open(os.path.join(out, "config.json"), "w") as f:
        json.dump(CONFIG, f, indent=2, sort_keys=True)
        f.write("\n")
    write_safetensors(os.path.join(out, "model.safetensors"), hf)
    torch.save(hf, os.path.join(out, "pytorch_model.bin"))

    audio = speech_like()
    np.save(os.path.join(out, "audio.npy"), audio)
    with torch.no_grad():
        x = torch.from_numpy(audio).unsqueeze(0)
        states = hf_hidden_states(model, x)
        layers, _ = model.extract_features(x)
        for i, layer in enumerate(layers):
            assert torch.allclose(layer, states[i + 1], atol=1e-5), i  # post-LN: they agree layer by layer
    hidden = torch.stack([s[0] for s in states]).numpy().astype(np.float32)
    np.save(os.path.join(out, "hidden.npy"), hidden)
    print(out, "hidden", hidden.shape, "max |h| per state", [round(float(np.abs(h).max()), 2) for h in hidden])


if __name__ == "__main__":
    main()
