using static TorchSharp.torch;

namespace AgCc.Core.Torch.Features.Wav2Vec2;

/// <summary>
/// The padding of a batch of waveforms of unequal length, exactly as torchaudio's
/// Encoder._preprocess applies it (so that results match torchaudio's forward / extract_features
/// with lengths): each waveform's valid frames follow from its sample count by the convolutions'
/// kernel / stride arithmetic (<see cref="Wav2Vec2Config.Frames(long)"/>); the projected features
/// of padded frames are zeroed before the positional convolution; every attention score towards a
/// padded frame gets −10000 added (not −∞: a waveform with no valid frame then attends uniformly
/// instead of giving NaN). Nothing is masked in the feature encoder: the "base" group norm
/// normalises each channel over all frames, padding included, so a padded waveform's valid frames
/// differ from its result alone; the "large" layer norm is per frame, so they agree.
/// </summary>
internal sealed class Wav2Vec2PaddingMask : IDisposable
{
    private readonly Tensor padded;

    /// <param name="frameLengths">Valid frames per waveform.</param>
    /// <param name="frames">Frames of the padded batch.</param>
    public Wav2Vec2PaddingMask(long[] frameLengths, long frames, Device device)
    {
        using var scope = NewDisposeScope();
        using var valid = tensor(frameLengths, device: device);
        padded = (arange(frames, device: device).unsqueeze(0) >= valid.unsqueeze(1)).DetachFromDisposeScope(); // [batch, frames]
    }

    /// <summary>The valid frame count per waveform (torchaudio's output lengths) for <paramref name="sampleLengths"/>.</summary>
    public static long[] FrameLengths(Wav2Vec2Config config, long[] sampleLengths) => [.. sampleLengths.Select(config.Frames)];

    /// <summary><paramref name="features"/> [batch, frames, embed] with padded frames set to 0.</summary>
    public Tensor ZeroPadded(Tensor features) => features.masked_fill(padded.unsqueeze(-1), 0.0);

    /// <summary>The additive attention bias [batch, 1, 1, frames]: −10000 at padded keys, 0 elsewhere.</summary>
    public Tensor AttentionBias(ScalarType dtype) => (padded.to(dtype) * -10000.0).unsqueeze(1).unsqueeze(1);

    public void Dispose() => padded.Dispose();
}
