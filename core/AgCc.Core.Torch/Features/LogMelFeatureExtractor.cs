using AgCc.Core.Features;
using static TorchSharp.torch;

namespace AgCc.Core.Torch.Features;

/// <summary>The log-mel front end (METHOD.md defaults) as a feature extractor: one plane of frames × 80 at 100 Hz.</summary>
public sealed class LogMelFeatureExtractor : IFeatureExtractor
{
    private readonly LogMelSpectrogram transform;

    public LogMelFeatureExtractor(FeatureSpec spec, Device? device = null)
    {
        if (spec.Extractor != FeatureExtractorKind.LogMel) throw new ArgumentException($"a {spec.Extractor} spec for the log-mel extractor", nameof(spec));
        Spec = spec;
        transform = new LogMelSpectrogram(new LogMelOptions
        {
            Normalization = spec.Normalization == FeatureNormalization.Utterance ? FeatureNormalization.Utterance : FeatureNormalization.None,
        }, device);
        var options = transform.Options;
        Layout = new FeatureLayout(1, options.Mels, new FrameTiming(options.FrameRate, 0));
    }

    public FeatureSpec Spec { get; }

    public FeatureLayout Layout { get; }

    public int SampleRate => transform.Options.SampleRate;

    public Device Device => transform.Device;

    /// <summary>Centred frames: one per hop, plus one; reflect padding needs more than half an FFT of samples.</summary>
    public int Frames(int samples) => samples > transform.Options.FftSize / 2 ? 1 + samples / transform.Options.HopLength : 0;

    public Tensor Extract(Tensor waveform)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return transform.Compute(waveform).unsqueeze(0).to(ScalarType.Float32, CPU).MoveToOuterDisposeScope();
    }

    public void Dispose() => transform.Dispose();
}
