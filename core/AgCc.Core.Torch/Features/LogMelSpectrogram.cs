using AgCc.Core.Features;
using TorchSharp;
using static TorchSharp.torch;

namespace AgCc.Core.Torch.Features;

/// <summary>
/// Log-mel features in TorchSharp, equal to torchaudio's MelSpectrogram + log(mel + offset): an
/// STFT of centred, reflect-padded frames under a periodic Hann window, power 2, through the mel
/// filterbank (built in double by <see cref="MelFilterbank"/>, then cast to the working dtype),
/// log. Output: frames × mels. Float32 by default (within ~1e-4 of the double-precision transform
/// on speech); <see cref="ScalarType.Float64"/> for the exact transform.
/// </summary>
public sealed class LogMelSpectrogram : IDisposable
{
    private readonly LogMelOptions options;
    private readonly Tensor window;
    private readonly Tensor filterbank;

    public LogMelSpectrogram(LogMelOptions? options = null, Device? device = null, ScalarType dtype = ScalarType.Float32)
    {
        this.options = options ?? new LogMelOptions();
        if (this.options.Problems() is { Count: > 0 } problems) throw new ArgumentException(string.Join("; ", problems), nameof(options));
        Device = device ?? CPU;
        DType = dtype;
        var o = this.options;
        var frequencies = o.FftSize / 2 + 1;
        var bank = MelFilterbank.Create(frequencies, o.MinFrequency, o.MaxFrequency ?? o.SampleRate / 2.0, o.Mels, o.SampleRate, o.Scale, o.Norm);
        filterbank = tensor(bank, [frequencies, o.Mels], ScalarType.Float64).to(dtype, Device).DetachFromDisposeScope();
        window = hann_window(o.WindowLength, periodic: true, dtype: ScalarType.Float64).to(dtype, Device).DetachFromDisposeScope();
    }

    public LogMelOptions Options => options;

    public Device Device { get; }

    public ScalarType DType { get; }

    /// <summary>Frames × mels for one mono waveform at the options' sample rate.</summary>
    public Tensor Compute(Tensor waveform)
    {
        if (waveform.dim() != 1) throw new ArgumentException($"expected a mono waveform (1 dimension), got {waveform.dim()}", nameof(waveform));
        using var scope = NewDisposeScope();
        var o = options;
        var input = waveform.to(DType, Device);
        var spectrum = stft(input, o.FftSize, o.HopLength, o.WindowLength, window, center: true, pad_mode: PaddingModes.Reflect,
            normalized: false, onesided: true, return_complex: true);
        var power = spectrum.abs().pow(2); // freq × frames
        var mel = matmul(power.t(), filterbank); // frames × mels
        var features = (mel + o.LogOffset).log();
        if (o.Normalization == FeatureNormalization.Utterance) features = UtteranceNormalization.Apply(features, 0);
        return features.MoveToOuterDisposeScope();
    }

    /// <summary>Frames × mels of samples (the options' sample rate) as a row-major float array.</summary>
    public float[] Compute(ReadOnlySpan<float> samples, out int frames)
    {
        using var scope = NewDisposeScope();
        var features = Compute(tensor(samples.ToArray())).to(ScalarType.Float32).cpu();
        frames = (int)features.shape[0];
        return features.data<float>().ToArray();
    }

    public void Dispose()
    {
        window.Dispose();
        filterbank.Dispose();
    }
}
