#!/usr/bin/python3
"""The reference side of `AgCc.Bench wav2vec2`: torchaudio's wav2vec2_base on a WAV, in utterance-sized chunks, float32, CPU.

Usage: torchaudio_wav2vec2.py WAV CHUNK_SECONDS REPEATS THREADS WEIGHTS_OUT LAST_OUT

Builds torchaudio.models.wav2vec2_base() with its own random initialisation under a fixed seed, in
eval mode, and writes its state dict (torchaudio names) to WEIGHTS_OUT as safetensors, so that the
TorchSharp side loads the very same weights. Then cuts the WAV into CHUNK_SECONDS pieces (the last
one may be shorter), runs extract_features (every layer's output, i.e. all hidden states) on each
chunk one at a time under torch.inference_mode: one warm-up pass, then REPEATS timed passes, the best
kept. The last layer's output of every chunk of the warm-up pass, concatenated along frames
([frames, 768]), goes to LAST_OUT (safetensors, name "last") for the TorchSharp side to compare.
Prints: seconds_of_audio_per_second threads blas, the last being the BLAS library this process
loaded (Debian's default, /usr/lib/x86_64-linux-gnu/blas/libblas.so.3, is the unoptimised netlib
reference BLAS, which torch uses for every Linear layer: see bench/README.md). Run with Debian's python3 (torch 1.13, torchaudio 0.13).
"""
import json
import struct
import sys
import time
import wave

import numpy as np
import torch
import torchaudio


def save_safetensors(path, tensors):
    """A minimal safetensors writer for float32 tensors: u64 LE header size, JSON header, raw LE data."""
    header, chunks, at = {}, [], 0
    for name, tensor in tensors.items():
        raw = tensor.detach().to(torch.float32).contiguous().numpy().astype('<f4', copy=False).tobytes()
        header[name] = {'dtype': 'F32', 'shape': list(tensor.shape), 'data_offsets': [at, at + len(raw)]}
        chunks.append(raw)
        at += len(raw)
    encoded = json.dumps(header, separators=(',', ':')).encode('utf-8')
    encoded += b' ' * (-len(encoded) % 8)
    with open(path, 'wb') as out:
        out.write(struct.pack('<Q', len(encoded)))
        out.write(encoded)
        for raw in chunks:
            out.write(raw)


def read_wav(path):
    with wave.open(path, 'rb') as w:
        assert w.getnchannels() == 1 and w.getsampwidth() == 2, 'expected mono 16-bit PCM'
        rate = w.getframerate()
        pcm = np.frombuffer(w.readframes(w.getnframes()), dtype='<i2')
    return torch.from_numpy(pcm.astype(np.float32) / 32768.0), rate


def run(model, chunks):
    """All hidden states of every chunk, one utterance at a time; returns each chunk's last layer."""
    last = []
    for chunk in chunks:
        layers, _ = model.extract_features(chunk.unsqueeze(0))
        last.append(layers[-1][0])
    return last


def blas_library():
    """The libblas this process mapped (Debian's torch links libblas.so.3, whichever the alternatives or LD_LIBRARY_PATH pick)."""
    with open('/proc/self/maps') as maps:
        for line in maps:
            path = line.split()[-1]
            if '/libblas.so' in path or '/libopenblas' in path:
                return path
    return 'unknown'


def main(path, chunk_seconds, repeats, threads, weights_out, last_out):
    torch.set_num_threads(threads)  # the same as the TorchSharp side
    torch.manual_seed(20260524)
    model = torchaudio.models.wav2vec2_base()
    model.eval()
    save_safetensors(weights_out, model.state_dict())

    waveform, rate = read_wav(path)
    step = int(round(chunk_seconds * rate))
    chunks = list(torch.split(waveform, step))
    with torch.inference_mode():
        last = run(model, chunks)  # warm-up
        save_safetensors(last_out, {'last': torch.cat(last, dim=0)})
        best = float('inf')
        for _ in range(repeats):
            start = time.perf_counter()
            run(model, chunks)
            best = min(best, time.perf_counter() - start)
    print(f'{len(waveform) / rate / best:.3f} {torch.get_num_threads()} {blas_library()}')


if __name__ == '__main__':
    main(sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6])
