using AgCc.Core.Features;
using AgCc.Core.Torch.Features.Wav2Vec2;
using static TorchSharp.torch;

namespace AgCc.Core.Torch.Features;

/// <summary>
/// wav2vec 2.0 hidden states as a feature extractor: the checkpoint loaded once, each waveform run
/// alone (no padding, so "base" group-norm models give exactly the single-utterance result), the
/// spec's hidden-state selection applied. Frames at the conv stack's rate (50 Hz for 16 kHz).
/// </summary>
public sealed class Wav2Vec2FeatureExtractor : IFeatureExtractor
{
    private readonly Wav2Vec2Model model;
    private readonly HiddenStateSelection selection;

    public Wav2Vec2FeatureExtractor(FeatureSpec spec, Device? device = null)
    {
        if (spec.Extractor != FeatureExtractorKind.Wav2Vec2 || spec.Checkpoint is null)
            throw new ArgumentException("a wav2vec 2.0 extractor needs a wav2vec2 spec with a checkpoint", nameof(spec));
        Spec = spec;
        selection = spec.Layers();
        model = Wav2Vec2Model.LoadCheckpoint(spec.Checkpoint, device: device);
        var config = model.Config;
        if (selection.Problem(config.Layers) is { } problem)
        {
            model.Dispose();
            throw new ArgumentException($"layer: {problem} ({spec.Checkpoint})", nameof(spec));
        }
        Layout = new FeatureLayout(selection.Planes(config.Layers), config.EmbedDim, Timing(config, SampleRate));
    }

    /// <summary>Frames come at the sample rate over the conv stack's total stride, each centred on its receptive field (50 Hz, 12.5 ms for the standard stack at 16 kHz).</summary>
    public static FrameTiming Timing(Wav2Vec2Config config, int sampleRate)
    {
        // Each layer widens the receptive field by (kernel − 1) strides of its input.
        var (field, stride) = (1, 1);
        foreach (var layer in config.ConvLayers)
        {
            field += (layer.Kernel - 1) * stride;
            stride *= layer.Stride;
        }
        return new FrameTiming((double)sampleRate / stride, (field - 1) / 2.0 / sampleRate);
    }

    public FeatureSpec Spec { get; }

    public FeatureLayout Layout { get; }

    /// <summary>wav2vec 2.0 checkpoints are trained on 16 kHz audio.</summary>
    public int SampleRate => 16000;

    public Device Device => model.Device;

    public int Frames(int samples) => Math.Max(0, model.Config.Frames(samples));

    public Tensor Extract(Tensor waveform)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var selected = selection.Apply(model.HiddenStates(waveform));
        var planes = selected.dim() == 2 ? selected.unsqueeze(0) : selected;
        if (Spec.Normalization == FeatureNormalization.Utterance) planes = UtteranceNormalization.Apply(planes, 1);
        return planes.to(ScalarType.Float32, CPU).contiguous().MoveToOuterDisposeScope();
    }

    public void Dispose() => model.Dispose();
}
