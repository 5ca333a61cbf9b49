#!/usr/bin/python3
"""Writes the WAV fixtures and torchaudio references for tests/AgCc.Core.Tests/Audio.

Run with Debian's interpreter (it has torch and torchaudio):

    apt-get install -y python3-torchaudio python3-numpy
    /usr/bin/python3 tests/AgCc.Core.Tests/Fixtures/Audio/make_audio_fixtures.py

Every WAV file is assembled byte by byte here (no audio library writes it), so the script knows the
exact sample values it stored. For each `NAME.wav` it writes:

  NAME.f32            the samples a reader must return: channels decoded (integer PCM divided by
                      2^(bits-1), unsigned 8-bit centred on 128 first; floats as stored, rounded to
                      float32) and mixed down to mono by the mean of the channels (computed in
                      float64, rounded once to float32).
  NAME.to16000.f32    torchaudio.functional.resample(NAME.f32, rate, 16000) with its defaults
                      (Hann-windowed sinc, lowpass_filter_width=6, rolloff=0.99), for every file
                      not already at 16 kHz; plus a few other rate pairs listed in EXTRA_PAIRS.

`.f32` files are raw little-endian IEEE float32, no header. The output is deterministic (fixed
seeds); running the script again rewrites identical files. Where torchaudio's sox backend is
available the script also checks, channel by channel, that torchaudio.load decodes the plain (not
extensible) files to the same values.
"""

import math
import os
import struct

import numpy as np
import torch
import torchaudio
import torchaudio.functional as AF

HERE = os.path.dirname(os.path.abspath(__file__))
TARGET = 16000
EXTENSIBLE_TAIL = bytes.fromhex("000000001000800000aa00389b71")  # KSDATAFORMAT_SUBTYPE_* after the tag


def signal(frames, channels, rate, seed):
    """A chirp plus noise per channel, at most 0.8 in magnitude; float64, shape (frames, channels)."""
    rng = np.random.default_rng(seed)
    t = np.arange(frames) / rate
    out = np.empty((frames, channels))
    for c in range(channels):
        chirp = 0.5 * np.sin(2 * np.pi * (150 + 40 * c + 0.4 * rate * t) * t + c)
        out[:, c] = chirp + 0.3 * rng.uniform(-1, 1, frames)
    return out


def encode(x, kind, bits):
    """Returns (payload bytes, decoded float64 values) for samples x (frames, channels)."""
    if kind == "pcm":
        full = 2 ** (bits - 1)
        ints = np.clip(np.round(x * full), -full, full - 1).astype(np.int64)
        ints[0, :] = -full          # the extremes, to test sign extension and scaling
        ints[1, :] = full - 1
        decoded = ints / full
        flat = ints.reshape(-1)
        if bits == 8:
            payload = (flat + 128).astype(np.uint8).tobytes()
        elif bits == 16:
            payload = flat.astype("<i2").tobytes()
        elif bits == 24:
            b = flat.astype("<i4").view(np.uint8).reshape(-1, 4)
            payload = b[:, :3].tobytes()
        elif bits == 32:
            payload = flat.astype("<i4").tobytes()
        else:
            raise ValueError(bits)
        return payload, decoded
    if kind == "float":
        v = x.copy()
        v[0, :] = -1.0
        v[1, :] = 1.0
        v[2, :] = 0.0
        v[3, :] = 1.25              # floats above full scale are kept, not clipped
        dtype = "<f4" if bits == 32 else "<f8"
        stored = v.astype(dtype)
        return stored.reshape(-1).tobytes(), stored.astype(np.float64)
    raise ValueError(kind)


def chunk(cid, body):
    pad = b"\0" if len(body) % 2 else b""
    return cid + struct.pack("<I", len(body)) + body + pad


def fmt_body(kind, bits, channels, rate, extensible):
    block = channels * bits // 8
    if extensible:
        sub = struct.pack("<H", 1 if kind == "pcm" else 3) + EXTENSIBLE_TAIL
        mask = {1: 0x4, 2: 0x3, 6: 0x3F}.get(channels, 0)
        return struct.pack("<HHIIHHHHI", 0xFFFE, channels, rate, rate * block, block, bits, 22, bits, mask) + sub
    tag = 1 if kind == "pcm" else 3
    body = struct.pack("<HHIIHH", tag, channels, rate, rate * block, block, bits)
    return body if kind == "pcm" else body + struct.pack("<H", 0)


def wav(chunks, riff_size=None):
    payload = b"WAVE" + b"".join(chunks)
    size = len(payload) if riff_size is None else riff_size
    return b"RIFF" + struct.pack("<I", size) + payload


# name, kind, bits, channels, rate, frames, extensible
FIXTURES = [
    ("pcm8_mono_8k", "pcm", 8, 1, 8000, 801, False),
    ("pcm16_mono_16k", "pcm", 16, 1, 16000, 800, False),
    ("pcm16_stereo_44k1", "pcm", 16, 2, 44100, 4423, False),
    ("pcm24_mono_48k", "pcm", 24, 1, 48000, 2401, False),
    ("pcm32_mono_22k05", "pcm", 32, 1, 22050, 2207, False),
    ("float32_mono_44k1", "float", 32, 1, 44100, 2205, False),
    ("float64_stereo_48k", "float", 64, 2, 48000, 1201, False),
    ("ext_pcm24_stereo_48k", "pcm", 24, 2, 48000, 1201, True),
    ("ext_float32_mono_22k05", "float", 32, 1, 22050, 1103, True),
    ("ext_pcm16_6ch_8k", "pcm", 16, 6, 8000, 401, True),
    ("chunks_pcm16_mono_16k", "pcm", 16, 1, 16000, 321, False),
]

# Other rate pairs checked against torchaudio: (source fixture, new rate).
EXTRA_PAIRS = [
    ("pcm16_mono_16k", 22050),
    ("pcm16_mono_16k", 8000),
    ("pcm16_mono_16k", 44100),
    ("float32_mono_44k1", 48000),
]


def build(name, kind, bits, channels, rate, frames, extensible, seed):
    x = signal(frames, channels, rate, seed)
    payload, decoded = encode(x, kind, bits)
    fmt = chunk(b"fmt ", fmt_body(kind, bits, channels, rate, extensible))
    data = chunk(b"data", payload)
    fact = chunk(b"fact", struct.pack("<I", frames))
    if name.startswith("chunks_"):
        # Chunks a reader must skip, an odd-sized one (with its pad byte), a RIFF size that is
        # wrong (stale, as some editors leave it) and stray bytes after the data chunk.
        listing = chunk(b"LIST", b"INFO" + chunk(b"ISFT", b"agcc fixture\0"))
        odd = chunk(b"note", b"odd")
        content = [listing, fmt, odd, fact, data]
        body = wav(content, riff_size=4 + len(fmt) + len(data))
        body += b"id3 \x03\x00"
    elif kind == "float" and not extensible:
        body = wav([fmt, fact, data])
    else:
        body = wav([fmt, data])
    mono = decoded.mean(axis=1).astype(np.float32)
    return body, decoded, mono


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def check_with_torchaudio(path, decoded, bits):
    try:
        loaded, _ = torchaudio.load(path)
    except Exception as e:  # noqa: BLE001 - the cross-check is optional
        print(f"  (torchaudio.load could not check {os.path.basename(path)}: {e})")
        return
    got = loaded.numpy().T.astype(np.float64)
    want = decoded.astype(np.float32).astype(np.float64)
    if bits == 0:
        want = np.clip(want, -1.0, 1.0)  # sox clips floats to full scale; our reader keeps them
    # sox carries samples as 32-bit integers and scales them inexactly: it may differ from the exact
    # value by a float32 step for 32-bit PCM and floats; 8/16/24-bit PCM must match exactly.
    tolerance = 0.0 if bits in (8, 16, 24) else 2.0 ** -23
    if got.shape != want.shape or np.abs(got - want).max() > tolerance:
        raise SystemExit(f"torchaudio.load disagrees on {path}: max diff {np.abs(got - want).max()}")


def resample(mono, rate, new_rate):
    out = AF.resample(torch.from_numpy(mono.copy()), rate, new_rate)
    return out.numpy().astype("<f4")


def main():
    torch.set_num_threads(1)
    monos = {}
    for seed, (name, kind, bits, channels, rate, frames, ext) in enumerate(FIXTURES, start=1):
        body, decoded, mono = build(name, kind, bits, channels, rate, frames, ext, seed)
        path = os.path.join(HERE, name + ".wav")
        write(path, body)
        write(os.path.join(HERE, name + ".f32"), mono.astype("<f4").tobytes())
        if not ext and not name.startswith("chunks_"):
            check_with_torchaudio(path, decoded, bits if kind == "pcm" else 0)
        monos[name] = (mono, rate)
        if rate != TARGET:
            write(os.path.join(HERE, f"{name}.to{TARGET}.f32"), resample(mono, rate, TARGET).tobytes())
    for name, new_rate in EXTRA_PAIRS:
        mono, rate = monos[name]
        write(os.path.join(HERE, f"{name}.to{new_rate}.f32"), resample(mono, rate, new_rate).tobytes())
    total = sum(os.path.getsize(os.path.join(HERE, f)) for f in os.listdir(HERE))
    print(f"torch {torch.__version__}, torchaudio {torchaudio.__version__}; folder is {total} bytes")


if __name__ == "__main__":
    main()
