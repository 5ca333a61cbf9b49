using AgCc.Core.Features;
using static TorchSharp.torch;

namespace AgCc.Core.Torch.Features;

/// <summary>
/// Turns one mono waveform at <see cref="SampleRate"/> into frame features: the same object for
/// the offline CLI and the feature-set grain, so both give the same numbers.
/// </summary>
public interface IFeatureExtractor : IDisposable
{
    FeatureSpec Spec { get; }

    /// <summary>Planes × dimensions and frame timing of every output.</summary>
    FeatureLayout Layout { get; }

    int SampleRate { get; }

    Device Device { get; }

    /// <summary>Frames the extractor gives for a waveform of <paramref name="samples"/>; 0 when it is too short for any.</summary>
    int Frames(int samples);

    /// <summary>
    /// Planes × frames × dimensions, float32 on the CPU, for a 1-D waveform; per-utterance
    /// normalisation applied when the spec asks for it (corpus-level is the feature set's, on reading).
    /// </summary>
    Tensor Extract(Tensor waveform);
}
