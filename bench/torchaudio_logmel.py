#!/usr/bin/python3
"""The reference side of `AgCc.Bench features`: torchaudio's MelSpectrogram + log on a WAV, float32.

Usage: torchaudio_logmel.py WAV REPEATS THREADS. Prints: seconds_of_audio_per_second threads. Run with Debian's python3 (torch, torchaudio).
"""
import sys
import time
import wave

import numpy as np
import torch
import torchaudio


def main(path, repeats, threads):
    torch.set_num_threads(threads)  # the same as the TorchSharp side
    with wave.open(path, 'rb') as w:
        rate = w.getframerate()
        pcm = np.frombuffer(w.readframes(w.getnframes()), dtype='<i2')
    waveform = torch.from_numpy(pcm.astype(np.float32) / 32768.0)
    transform = torchaudio.transforms.MelSpectrogram(sample_rate=rate, n_fft=400, win_length=400, hop_length=160, n_mels=80)
    with torch.no_grad():
        torch.log(transform(waveform) + 1e-6)  # warm-up
        best = float('inf')
        for _ in range(repeats):
            start = time.perf_counter()
            torch.log(transform(waveform) + 1e-6)
            best = min(best, time.perf_counter() - start)
    print(f'{len(pcm) / rate / best:.1f} {torch.get_num_threads()}')


if __name__ == '__main__':
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
