#!/usr/bin/python3
"""Log-mel reference fixtures for tests/AgCc.Core.Tests/Features (see README.md here).

Writes two 16 kHz 16-bit WAVs (a speech-like voiced signal with pauses, and the same at -40 dB
plus a chirp) and, per WAV, torchaudio's MelSpectrogram + log(mel + 1e-6) computed entirely in
float64 (the "exact" transform: filterbank, window and STFT in double), for the default settings
and for the Slaney scale with Slaney normalisation. Outputs are NumPy .npy files (float64,
n_mels x frames, torchaudio's layout). Run with Debian's python3 (torch 1.13 / torchaudio 0.13.1).
"""
import os
import wave

import numpy as np
import torch
import torchaudio

HERE = os.path.dirname(os.path.abspath(__file__))
RATE = 16000
torch.set_default_dtype(torch.float64)  # every buffer (window, filterbank) in double


def speech_like(rng, seconds=1.6):
    """Glottal pulses (varying f0) through three formant resonators, with pauses and noise."""
    n = int(seconds * RATE)
    t = np.arange(n) / RATE
    f0 = 110 + 30 * np.sin(2 * np.pi * 1.3 * t)
    phase = np.cumsum(f0) / RATE
    source = (np.diff(np.floor(phase), prepend=0) > 0).astype(np.float64)
    signal = np.zeros(n)
    for formant, bandwidth in ((700, 90), (1200, 110), (2600, 160)):
        r = np.exp(-np.pi * bandwidth / RATE)
        theta = 2 * np.pi * formant / RATE
        a1, a2 = 2 * r * np.cos(theta), -r * r
        y = np.zeros(n)
        for k in range(n):
            y[k] = source[k] + a1 * (y[k - 1] if k > 0 else 0) + a2 * (y[k - 2] if k > 1 else 0)
        signal += y
    envelope = np.ones(n)
    envelope[int(0.5 * RATE):int(0.7 * RATE)] = 0.0  # a pause: exact zeros
    envelope[int(1.2 * RATE):int(1.3 * RATE)] = 0.02
    signal = signal / np.max(np.abs(signal)) * 0.6 * envelope
    return signal + 0.002 * rng.standard_normal(n) * (envelope > 0)


def quiet_chirp(rng, base):
    n = base.shape[0]
    t = np.arange(n) / RATE
    chirp = 0.3 * np.sin(2 * np.pi * (50 * t + 2400 * t * t))
    return 0.01 * base + 0.5 * chirp * (t > 1.0) + 1e-4 * rng.standard_normal(n)


def write_wav(name, samples):
    pcm = np.clip(np.round(samples * 32767), -32768, 32767).astype('<i2')
    with wave.open(os.path.join(HERE, name), 'wb') as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(pcm.tobytes())
    return pcm.astype(np.float64) / 32768.0  # what a WAV reader returns


def log_mel(waveform, **options):
    transform = torchaudio.transforms.MelSpectrogram(
        sample_rate=RATE, n_fft=400, win_length=400, hop_length=160, n_mels=80, **options)
    mel = transform(torch.from_numpy(waveform))
    return torch.log(mel + 1e-6).numpy()


def main():
    rng = np.random.default_rng(20261124)
    base = speech_like(rng)
    inputs = {'speech_like': base, 'quiet_chirp': quiet_chirp(rng, base)}
    for name, samples in inputs.items():
        stored = write_wav(f'{name}.wav', samples)
        np.save(os.path.join(HERE, f'{name}.logmel_htk.npy'), log_mel(stored))
        np.save(os.path.join(HERE, f'{name}.logmel_slaney.npy'), log_mel(stored, mel_scale='slaney', norm='slaney'))
        np.save(os.path.join(HERE, f'{name}.logmel_fmin.npy'), log_mel(stored, f_min=80.0, f_max=7600.0))


if __name__ == '__main__':
    main()
